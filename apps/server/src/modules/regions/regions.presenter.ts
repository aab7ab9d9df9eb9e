import type { Region } from '@tuijin/contracts';
import type { RegionRow } from './regions.queries';

/** Region row → wire shape. */
export function presentRegion(row: RegionRow): Region {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parentCode,
    version: row.version,
  };
}
