import type { CreatePromotionLead } from '@tuijin/contracts';
import { type Actor, AppError, type ErrorDetail, pathInSubtree } from '@tuijin/domain';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database';
import { organisations, regions } from '../../db/schema';

/**
 * Checks what a lead's fields point at, naming every bad field: the region in the actor's
 * jurisdiction, the responsible unit an active organisation of the same line of the tree, and the
 * promised dates in order (registration ≤ start ≤ production). Answers the region.
 */
export async function checkLeadFields(
  db: Queryable,
  actor: Actor,
  input: Pick<
    CreatePromotionLead,
    | 'regionCode'
    | 'responsibleOrganisationId'
    | 'promisedRegistrationOn'
    | 'promisedStartOn'
    | 'promisedProductionOn'
  >,
) {
  const problems: ErrorDetail[] = [];
  const [region] = await db.select().from(regions).where(eq(regions.code, input.regionCode));
  if (!region || !pathInSubtree(region.path, actor.regionPath))
    problems.push({ path: 'regionCode', message: '落地区划不存在或不在本辖区' });
  if (input.responsibleOrganisationId) {
    const [unit] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.id, input.responsibleOrganisationId));
    const related =
      unit &&
      region &&
      (pathInSubtree(unit.regionPath, region.path) || pathInSubtree(region.path, unit.regionPath));
    if (!unit?.isActive || !related)
      problems.push({ path: 'responsibleOrganisationId', message: '责任单位须为落地区划或其上级的单位' });
  }
  const order: [keyof typeof input, string][] = [
    ['promisedRegistrationOn', '承诺注册'],
    ['promisedStartOn', '承诺开工'],
    ['promisedProductionOn', '承诺投产'],
  ];
  const dated = order.filter(([field]) => input[field]);
  for (let i = 1; i < dated.length; i++) {
    const [field, label] = dated[i]!;
    const [beforeField, beforeLabel] = dated[i - 1]!;
    if ((input[field] as string) < (input[beforeField] as string))
      problems.push({ path: field, message: `${label}日期不能早于${beforeLabel}日期` });
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]!.message, problems);
  return region!;
}
