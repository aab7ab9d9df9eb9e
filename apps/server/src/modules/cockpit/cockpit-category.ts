import { cockpitCategoryKey } from '@tuijin/contracts';
import { constructionTypes, sizeThresholdKeys } from '@tuijin/domain';
import { type SQL, sql } from 'drizzle-orm';
import { inSizeBand } from '../../lib/size-band-sql';

/**
 * 分类汇总 membership over base rows `b`: the classic bulletin breakdown — one row per tag in use
 * (专项债, 中央预算内, 白名单…), then 新建 and 续建, then the cumulative size thresholds 5000 万元以上
 * and 亿元以上 (the size filter's own thresholds and bounds, by total investment). A project falls in
 * several rows, so the rows do not add up to the total. 新建/续建 and the thresholds always appear
 * (zero when no project matches); each row's key is the matching filter (`tag:…`, `constructionType:…`,
 * `size:…`). Sort: tags 0 (then by plan), construction types 100+, thresholds 200+.
 */
export function categoryMembershipSql(): SQL {
  const tags = sql`select ${cockpitCategoryKey('tag', '')} || tg as key, tg as label, 'value' as kind, 0 as sort, b.*
    from base b cross join unnest(b.tags) tg`;
  const types = constructionTypes.map(
    (
      type,
      i,
    ) => sql`select ${cockpitCategoryKey('constructionType', type)}, ${type}, 'value', ${100 + i}::int, b.*
      from (select 1) one left join base b on b.construction_type = ${type}`,
  );
  const sizes = sizeThresholdKeys.map(
    (size, i) => sql`select ${cockpitCategoryKey('size', size)}, ${size}, 'value', ${200 + i}::int, b.*
      from (select 1) one left join base b on ${inSizeBand(sql`b.total_investment_wan_yuan`, size)}`,
  );
  return sql.join([tags, ...types, ...sizes], sql` union all `);
}
