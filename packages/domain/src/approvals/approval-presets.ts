import type { ApprovalRoute } from './approval-status';

/**
 * One procedure of a jurisdiction's catalogue (前期手续目录): who approves it, its statutory and the
 * office's committed time limit in working days, the procedures it waits for (by code), whether it
 * must be approved before 开工, and which projects it applies to (立项 routes and project domains;
 * empty = all).
 */
export interface ProcedureTemplate {
  code: string;
  name: string;
  /** The approving department's sector (发改, 自然资源…), matched to a department when loaded. */
  departmentSector: string;
  statutoryDays: number;
  committedDays: number;
  dependsOn: string[];
  requiredBeforeStart: boolean;
  routes: ApprovalRoute[];
  domains: string[];
  /** Whether a deemed-approval notice (超时默认) may be issued after the committed limit. */
  deemedApproval: boolean;
}

const p = (
  code: string,
  name: string,
  departmentSector: string,
  statutoryDays: number,
  committedDays: number,
  options: Partial<
    Pick<ProcedureTemplate, 'dependsOn' | 'requiredBeforeStart' | 'routes' | 'domains' | 'deemedApproval'>
  > = {},
): ProcedureTemplate => ({
  code,
  name,
  departmentSector,
  statutoryDays,
  committedDays,
  dependsOn: options.dependsOn ?? [],
  requiredBeforeStart: options.requiredBeforeStart ?? true,
  routes: options.routes ?? [],
  domains: options.domains ?? [],
  deemedApproval: options.deemedApproval ?? false,
});

/**
 * The standard catalogue of an investment project's approvals, in the order offices list them: 立项
 * by route, land and planning, the assessments, drawings and the construction permit. Committed
 * limits are the compressed ones offices publish (about half the statutory ones); every figure is
 * editable after loading.
 */
export const standardProcedures: readonly ProcedureTemplate[] = [
  p('lixiang-shenpi', '项目建议书及可行性研究报告审批', '发改', 20, 10, { routes: ['approval'] }),
  p('lixiang-hezhun', '项目核准', '发改', 20, 10, { routes: ['ratification'] }),
  p('lixiang-beian', '项目备案', '发改', 3, 1, { routes: ['filing'], deemedApproval: true }),
  p('yongdi-yushen', '用地预审与选址意见书', '自然资源', 20, 10),
  p('yongdi-guihua', '建设用地规划许可证', '自然资源', 20, 10, { dependsOn: ['yongdi-yushen'] }),
  p('huanping', '环境影响评价审批', '生态环境', 60, 30),
  p('jieneng', '节能审查', '发改', 20, 10),
  p('wenping', '社会稳定风险评估', '发改', 20, 15, { routes: ['approval', 'ratification'] }),
  p('shuibao', '水土保持方案审批', '水利', 20, 10),
  p('gongcheng-guihua', '建设工程规划许可证', '自然资源', 20, 10, {
    dependsOn: ['yongdi-guihua'],
    deemedApproval: true,
  }),
  p('tushen', '施工图审查', '住建', 20, 10, { dependsOn: ['gongcheng-guihua'] }),
  p('shigong-xuke', '施工许可', '住建', 7, 3, {
    dependsOn: ['gongcheng-guihua', 'tushen'],
    deemedApproval: true,
  }),
];

/** Whether a procedure belongs on the checklist of a project on `route` in `domain`. */
export function procedureApplies(
  procedure: Pick<ProcedureTemplate, 'routes' | 'domains'>,
  route: ApprovalRoute,
  domain: string,
): boolean {
  return (
    (procedure.routes.length === 0 || procedure.routes.includes(route)) &&
    (procedure.domains.length === 0 || procedure.domains.includes(domain))
  );
}

/** Approval settings of a jurisdiction: the default 容缺 promise and the conversion limit. */
export interface ApprovalSettings {
  /** Working days from acceptance within which missing materials are promised (Jiangxi / Shandong: 20). */
  promiseDays: number;
  /** Working days after the gaps close within which the formal approval is given (Jiangxi: 2). */
  conversionDays: number;
}

export const defaultApprovalSettings: ApprovalSettings = { promiseDays: 20, conversionDays: 2 };
