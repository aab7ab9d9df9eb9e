import { AppError, invalid } from '../errors';

/**
 * 招商引资 pipeline stages: an ordered list per jurisdiction, each with a stable key (stored on leads
 * and in their history) and a name an office may reword. Two keys carry meaning for the figures and
 * must be in every list, `signed` before `started`: 签约转开工 = leads signed → started. Source:
 * issue 16 item 6; DOMAIN.md "Investment promotion (招商): signed → registered → started".
 */
export interface PromotionStage {
  key: string;
  name: string;
}

/** The key of the signing stage (签约) and of the start (开工): the two ends of 签约转开工. */
export const signedStageKey = 'signed';
export const startedStageKey = 'started';
/** The key of going into production (投产): the 承诺投产 promise is kept once a lead reaches it. */
export const producingStageKey = 'producing';

/** The presets an office starts from. */
export const promotionStagePresets = {
  /** The usual ladder: 洽谈 → 签约 → 注册 → 开工 → 投产 → 达产. */
  standard: [
    { key: 'negotiating', name: '洽谈' },
    { key: 'signed', name: '签约' },
    { key: 'registered', name: '注册' },
    { key: 'started', name: '开工' },
    { key: 'producing', name: '投产' },
    { key: 'atCapacity', name: '达产' },
  ],
  /**
   * Rong'an's 七个一批 laid out as one pipeline: a lead is first conceived (谋划), then held in reserve
   * (储备) while it is negotiated, signed (签约), lands (落地: registered, land and site settled),
   * starts (开工), goes into production (投产) and reaches capacity (达产).
   */
  sevenBatches: [
    { key: 'conceived', name: '谋划一批' },
    { key: 'reserve', name: '储备一批' },
    { key: 'signed', name: '签约一批' },
    { key: 'landed', name: '落地一批' },
    { key: 'started', name: '开工一批' },
    { key: 'producing', name: '投产一批' },
    { key: 'atCapacity', name: '达产一批' },
  ],
} as const satisfies Record<string, readonly PromotionStage[]>;
export type PromotionStagePreset = keyof typeof promotionStagePresets;
export const defaultPromotionStages: readonly PromotionStage[] = promotionStagePresets.standard;

const keyPattern = /^[a-zA-Z][a-zA-Z0-9]{0,29}$/;

/**
 * Checks a jurisdiction's stage list: 2–12 stages, keys of letters and digits (starting with a
 * letter), unique keys and names, names 1–20 characters, `signed` and `started` present with
 * `signed` first. Answers the list trimmed; anything else is VALIDATION_FAILED naming the row.
 */
export function checkPromotionStages(stages: readonly PromotionStage[]): PromotionStage[] {
  const problems: { path: string; message: string }[] = [];
  if (stages.length < 2 || stages.length > 12) problems.push({ path: 'stages', message: '阶段应为 2–12 个' });
  const seenKeys = new Set<string>();
  const seenNames = new Set<string>();
  const out = stages.map((stage, i) => {
    const key = stage.key.trim();
    const name = stage.name.trim();
    if (!keyPattern.test(key))
      problems.push({ path: `stages.${i}.key`, message: `第 ${i + 1} 个阶段的标识应为字母开头的字母数字` });
    else if (seenKeys.has(key))
      problems.push({ path: `stages.${i}.key`, message: `第 ${i + 1} 个阶段的标识“${key}”重复` });
    if (name.length === 0 || name.length > 20)
      problems.push({ path: `stages.${i}.name`, message: `第 ${i + 1} 个阶段的名称应为 1–20 个字` });
    else if (seenNames.has(name))
      problems.push({ path: `stages.${i}.name`, message: `第 ${i + 1} 个阶段的名称“${name}”重复` });
    seenKeys.add(key);
    seenNames.add(name);
    return { key, name };
  });
  const signed = out.findIndex((s) => s.key === signedStageKey);
  const started = out.findIndex((s) => s.key === startedStageKey);
  if (signed < 0) problems.push({ path: 'stages', message: '阶段中应有签约（标识 signed）' });
  if (started < 0) problems.push({ path: 'stages', message: '阶段中应有开工（标识 started）' });
  if (signed >= 0 && started >= 0 && started < signed)
    problems.push({ path: 'stages', message: '签约应排在开工之前' });
  if (problems.length > 0) throw invalid(problems, problems[0]!.message);
  return out;
}

/** One stage a lead entered and the day it did (its stage history; the dwell times come from it). */
export interface StageEntry {
  key: string;
  enteredOn: string;
}

/** Position of a key in the stage list; -1 when the list has no such stage. */
export const stageIndex = (stages: readonly PromotionStage[], key: string) =>
  stages.findIndex((s) => s.key === key);

/** The zh-CN name of a stage key (the key itself when the list lacks it). */
export const stageName = (stages: readonly PromotionStage[], key: string) =>
  stages.find((s) => s.key === key)?.name ?? key;

/**
 * Moves a lead to another stage of its list and answers the new history. Forward (any later stage,
 * skipping is allowed: a lead may sign and register the same week): the target is entered `on`,
 * which may not precede the current stage's entry nor be after `today`. Back (a correction: the
 * later step did not happen): the entries after the target are dropped and the target keeps its
 * original date. Moving to the current stage, to an unknown stage, or a dropped lead is refused.
 */
export function moveLeadStage(input: {
  stages: readonly PromotionStage[];
  history: readonly StageEntry[];
  current: string;
  to: string;
  on: string;
  today: string;
  isDropped: boolean;
}): StageEntry[] {
  const { stages, history, current, to, on, today } = input;
  if (input.isDropped) throw new AppError('INVALID_TRANSITION', '已放弃的线索不能再变更阶段');
  const from = stageIndex(stages, current);
  const target = stageIndex(stages, to);
  if (target < 0)
    throw invalid([{ path: 'stage', message: `阶段“${to}”不在本辖区的阶段设置中` }], `阶段“${to}”不存在`);
  if (target === from)
    throw new AppError('INVALID_TRANSITION', `线索已处于「${stageName(stages, to)}」`, [
      { path: 'stage', message: '与当前阶段相同' },
    ]);
  if (target < from) {
    const kept = history.filter((e) => stageIndex(stages, e.key) <= target);
    if (!kept.some((e) => e.key === to)) kept.push({ key: to, enteredOn: [on, today].sort()[0]! });
    return kept;
  }
  if (on > today) throw invalid([{ path: 'on', message: '日期不能晚于今天' }], '日期不能晚于今天');
  const enteredCurrent = history.find((e) => e.key === current)?.enteredOn;
  if (enteredCurrent && on < enteredCurrent)
    throw invalid(
      [{ path: 'on', message: `不能早于进入「${stageName(stages, current)}」的日期 ${enteredCurrent}` }],
      `日期不能早于 ${enteredCurrent}`,
    );
  return [...history.filter((e) => stageIndex(stages, e.key) < target), { key: to, enteredOn: on }];
}
