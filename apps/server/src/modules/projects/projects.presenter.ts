import type { Project, ProjectListItem } from '@tuijin/contracts';
import { normaliseDecimal } from '@tuijin/contracts';
import { type Actor, can, editsAsOwnerOnly, type ProjectLevel, ratio } from '@tuijin/domain';
import type { ProjectDetailRow, ProjectListRow } from './projects.queries';

/** Exact amounts leave the database as numeric strings; trailing zeros are trimmed. */
export const amount = (value: string | null) => normaliseDecimal(value ?? '0');

/** Project row → one list row. */
export function presentProjectListItem(row: ProjectListRow): ProjectListItem {
  return {
    id: row.id,
    code: row.code ?? null,
    name: row.name,
    regionCode: row.regionCode,
    regionName: row.regionName,
    ownerName: row.ownerName,
    stage: row.stage,
    levels: row.levels as ProjectLevel[],
    domain: row.domain ?? '',
    industry: row.industry ?? null,
    constructionType: row.constructionType ?? 'new',
    totalInvestmentWanYuan: amount(row.totalInvestmentWanYuan),
    startYear: row.startYear ?? 0,
    endYear: row.endYear ?? 0,
    tags: row.tags,
    projectClass: row.projectClass ?? null,
    leaderName: row.leaderName ?? null,
    departmentName: row.departmentName ?? null,
    batchNames: row.batchNames,
    ytdCompletedWanYuan: row.ytdCompletedWanYuan === null ? null : amount(row.ytdCompletedWanYuan),
    ytdRatePercent:
      row.ytdCompletedWanYuan === null || row.ytdPlannedWanYuan === null
        ? null
        : ratio(amount(row.ytdCompletedWanYuan), amount(row.ytdPlannedWanYuan)).percent,
  };
}

/** Project row → the one-project-one-file page, with what this reader may do. */
export function presentProject(row: ProjectDetailRow, actor: Actor): Project {
  const fullEdit = can(actor, 'project.update');
  const ownerEdit =
    !fullEdit && can(actor, 'project.updateOwnerFields') && row.ownerOrganisationId === actor.organisationId;
  return {
    ...presentProjectListItem(row),
    ownerOrganisationId: row.ownerOrganisationId,
    address: row.address,
    longitude: row.longitude === null ? null : Number(row.longitude),
    latitude: row.latitude === null ? null : Number(row.latitude),
    sector: row.sector ?? null,
    scaleContent: row.scaleContent,
    startMonth: row.startMonth,
    endMonth: row.endMonth,
    fundingSources: row.fundingSources,
    leader: row.leaderUserId ? { id: row.leaderUserId, displayName: row.leaderName ?? '' } : null,
    serviceOfficer: row.serviceOfficerUserId
      ? { id: row.serviceOfficerUserId, displayName: row.serviceOfficerName ?? '' }
      : null,
    responsibleDepartment: row.responsibleDepartmentId
      ? { id: row.responsibleDepartmentId, name: row.departmentName ?? '' }
      : null,
    workingTeam: row.workingTeam,
    contactPerson: row.contactPerson,
    contactPhone: row.contactPhone,
    stageChangedOn: row.stageChangedOn,
    actualStartOn: row.actualStartOn,
    actualCompletionOn: row.actualCompletionOn,
    actualOperationOn: row.actualOperationOn,
    batches: row.batches,
    whitelist: row.whitelist,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: {
      update: fullEdit,
      updateOwnerFields: ownerEdit,
      changeStage: can(actor, 'project.changeStage'),
      uploadFiles: can(actor, 'projectFile.upload'),
      deleteFiles: can(actor, 'projectFile.delete') && (fullEdit || !editsAsOwnerOnly(actor) || ownerEdit),
      comment: can(actor, 'project.comment'),
      manageBatches: can(actor, 'batch.manage'),
    },
  };
}
