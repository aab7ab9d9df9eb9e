import type { Organisation, Region } from '@tuijin/contracts';
import type {
  ConstructionType,
  DictionaryKind,
  OrganisationKind,
  ProjectLevel,
  ProjectStage,
  RegionLevel,
  Role,
} from '@tuijin/domain';
import { useTranslation } from 'react-i18next';
import type { zhCN } from './zh-CN';

type Sector = keyof typeof zhCN.sectors;
type AuditActionKey = keyof typeof zhCN.auditActions;
type EntityType = keyof typeof zhCN.entityTypes;
type ProjectField = keyof typeof zhCN.projectFields;

const isKeyOf = <T extends object>(table: T, key: string): key is Extract<keyof T, string> =>
  Object.hasOwn(table, key);

/**
 * Localised names for the closed vocabularies the API speaks (roles, region levels, organisation
 * kinds, sectors, audit actions, project stages and levels, field names). Unknown values fall back to
 * the raw code.
 */
export function useLabels() {
  const { t, i18n } = useTranslation();
  const table = i18n.getResourceBundle(i18n.language, 'translation') as typeof zhCN | undefined;
  return {
    role: (role: Role) => t(`roles.${role}`),
    regionLevel: (level: RegionLevel | Region['level']) => t(`regionLevels.${level}`),
    organisationKind: (kind: OrganisationKind | Organisation['kind']) => t(`organisationKinds.${kind}`),
    sector: (sector: string | null) => {
      if (!sector) return '';
      return table && isKeyOf(table.sectors, sector) ? t(`sectors.${sector as Sector}`) : sector;
    },
    auditAction: (action: string) => {
      const key = action.replaceAll('.', '_');
      return table && isKeyOf(table.auditActions, key) ? t(`auditActions.${key as AuditActionKey}`) : action;
    },
    projectStage: (stage: ProjectStage) => t(`projectStages.${stage}`),
    projectLevel: (level: ProjectLevel) => t(`projectLevels.${level}`),
    constructionType: (type: ConstructionType) => t(`constructionTypes.${type}`),
    dictionaryKind: (kind: DictionaryKind) => t(`dictionaryKinds.${kind}`),
    projectField: (field: string) =>
      table && isKeyOf(table.projectFields, field) ? t(`projectFields.${field as ProjectField}`) : field,
    entityType: (type: string | null) => {
      if (!type) return '';
      return table && isKeyOf(table.entityTypes, type) ? t(`entityTypes.${type as EntityType}`) : type;
    },
  };
}
