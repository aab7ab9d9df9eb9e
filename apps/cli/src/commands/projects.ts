import { ProjectQuery } from '@tuijin/contracts';
import { projectStageNames } from '@tuijin/domain';
import { listProjects, systemCtx } from '@tuijin/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withDatabase } from '../open';

export function registerProjectCommands(program: Command, io: { out: (s: string) => void }) {
  const projects = program.command('projects').description('项目库');
  projects
    .command('list')
    .description('列出项目（全辖区；按条件筛选），--json 输出与 GET /api/projects 相同的结构')
    .option('--region <code>', '区划代码（含下级），如 350902')
    .option(
      '--stage <stage>',
      '阶段：conceived reserve preparing started underway completed operating dropped',
    )
    .option('--level <level>', '级别：provincial city county')
    .option('-q, --query <text>', '名称、代码、业主或拼音首字母')
    .option('--json', '以 JSON 输出')
    .action(
      async (options: {
        region?: string;
        stage?: string;
        level?: string;
        query?: string;
        json?: boolean;
      }) => {
        const parsed = ProjectQuery.safeParse({
          region: options.region,
          stage: options.stage,
          level: options.level,
          q: options.query,
          page: 1,
          pageSize: 200,
        });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new CliError(`参数 --${String(issue?.path[0] ?? '')} 无效：${issue?.message ?? ''}`, 2);
        }
        await withDatabase(async (handle, auditKey) => {
          const result = await listProjects(systemCtx(handle.db, auditKey), parsed.data);
          if (options.json) {
            io.out(`${JSON.stringify(result, null, 2)}\n`);
            return;
          }
          for (const p of result.data) {
            io.out(
              `${p.code ?? '（无代码）'}\t${p.regionName}\t${projectStageNames[p.stage]}\t${p.totalInvestmentWanYuan}\t${p.name}\n`,
            );
          }
          io.out(`合计 ${result.totals.count} 个项目，总投资 ${result.totals.totalInvestmentWanYuan} 万元\n`);
        });
      },
    );
}
