import type { CreateProject, Project, UpdateProject } from '@tuijin/contracts';
import { ownerEditableProjectFields } from '@tuijin/domain';

type ProjectFields = Omit<UpdateProject, 'version'>;
export type ProjectFieldName = keyof ProjectFields;

/** What the form holds: the contract's fields under the contract's names (so server details land). */
export type ProjectFormValues = Omit<ProjectFields, 'totalInvestmentWanYuan'> & {
  totalInvestmentWanYuan: string;
  stage?: CreateProject['stage'];
};

/** Who is editing: everything, only the owner unit's fields, or creating a new project. */
export type ProjectFormMode = 'create' | 'full' | 'owner';

const ownerFields: readonly string[] = ownerEditableProjectFields;

/** Whether a field is locked for the person editing (owner units change only their own fields). */
export const isLockedField = (mode: ProjectFormMode, field: ProjectFieldName) =>
  mode === 'owner' && !ownerFields.includes(field);

/** A project's editable fields, as the form starts them. */
export function toFormValues(project: Project): ProjectFormValues {
  return {
    code: project.code,
    name: project.name,
    ownerOrganisationId: project.ownerOrganisationId,
    regionCode: project.regionCode,
    address: project.address,
    longitude: project.longitude,
    latitude: project.latitude,
    levels: project.levels,
    domain: project.domain,
    industry: project.industry,
    sector: project.sector as ProjectFields['sector'],
    scaleContent: project.scaleContent,
    totalInvestmentWanYuan: project.totalInvestmentWanYuan,
    startYear: project.startYear,
    startMonth: project.startMonth,
    endYear: project.endYear,
    endMonth: project.endMonth,
    constructionType: project.constructionType,
    fundingSources: project.fundingSources,
    tags: project.tags,
    projectClass: project.projectClass,
    leaderUserId: project.leader?.id ?? null,
    responsibleDepartmentId: project.responsibleDepartment?.id ?? null,
    serviceOfficerUserId: project.serviceOfficer?.id ?? null,
    workingTeam: project.workingTeam,
    contactPerson: project.contactPerson,
    contactPhone: project.contactPhone,
  };
}

const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
const optional = <T>(value: T | null | undefined): T | null => value ?? null;

/** The fields as the API takes them: blanks become null, lists default to empty. */
export function toProjectFields(values: ProjectFormValues): ProjectFields {
  return {
    code: text(values.code),
    name: values.name.trim(),
    ownerOrganisationId: values.ownerOrganisationId,
    regionCode: values.regionCode,
    address: text(values.address),
    longitude: optional(values.longitude),
    latitude: optional(values.latitude),
    levels: values.levels ?? [],
    domain: values.domain,
    industry: optional(values.industry),
    sector: optional(values.sector),
    scaleContent: text(values.scaleContent),
    totalInvestmentWanYuan: values.totalInvestmentWanYuan.trim(),
    startYear: values.startYear,
    startMonth: optional(values.startMonth),
    endYear: values.endYear,
    endMonth: optional(values.endMonth),
    constructionType: values.constructionType,
    fundingSources: values.fundingSources ?? [],
    tags: values.tags ?? [],
    projectClass: optional(values.projectClass),
    leaderUserId: optional(values.leaderUserId),
    responsibleDepartmentId: optional(values.responsibleDepartmentId),
    serviceOfficerUserId: optional(values.serviceOfficerUserId),
    workingTeam: text(values.workingTeam),
    contactPerson: text(values.contactPerson),
    contactPhone: text(values.contactPhone),
  };
}

/**
 * The update an owner unit sends: the project as read, with only the owner-editable fields taken
 * from the form, so a locked field can never change by accident.
 */
export function ownerUpdate(project: Project, values: ProjectFormValues): ProjectFields {
  const original = toProjectFields(toFormValues(project));
  const edited = toProjectFields(values);
  const merged: Record<string, unknown> = { ...original };
  for (const field of ownerFields) merged[field] = edited[field as ProjectFieldName];
  return merged as ProjectFields;
}
