import type { Organisation } from '@tuijin/contracts';
import type { OrganisationView } from './organisations.queries';

/** Organisation row → wire shape, an explicit field list. */
export function presentOrganisation(row: OrganisationView): Organisation {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    regionCode: row.regionCode,
    regionName: row.regionName,
    sector: row.sector,
    contactPerson: row.contactPerson,
    contactPhone: row.contactPhone,
    isActive: row.isActive,
    version: row.version,
  };
}
