import type { StageAsOf, StageFacts } from './implied-stage';
import type { ProjectStage } from './stages';

const facts = (
  recordedStage: ProjectStage,
  actualStartOn: string | null = null,
  actualCompletionOn: string | null = null,
  actualOperationOn: string | null = null,
): StageFacts => ({ recordedStage, actualStartOn, actualCompletionOn, actualOperationOn });

const at = (year: number, asOf: string): StageAsOf => ({ year, asOf });

/**
 * The table of cases {@link impliedStage} is tested on; the server's SQL twin test runs the same rows
 * through `impliedStageSql` on PGlite and PostgreSQL, so the two cannot drift.
 */
export const impliedStageCases: [name: string, facts: StageFacts, at: StageAsOf, stage: ProjectStage][] = [
  ['a recorded 谋划 with no date stays', facts('conceived'), at(2026, '2026-12-06'), 'conceived'],
  ['a recorded 前期 with no date stays', facts('preparing'), at(2026, '2026-12-06'), 'preparing'],
  ['新开工 without an actual start is 前期', facts('started'), at(2026, '2026-12-06'), 'preparing'],
  ['a start this year is 新开工', facts('preparing', '2026-03-08'), at(2026, '2026-12-06'), 'started'],
  ['a start in an earlier year is 在建', facts('started', '2025-03-08'), at(2026, '2026-12-06'), 'underway'],
  [
    'the start year read as its own year is 新开工',
    facts('underway', '2025-03-08'),
    at(2025, '2025-12-31'),
    'started',
  ],
  [
    'a start after asOf has not happened',
    facts('started', '2026-08-08'),
    at(2026, '2026-05-31'),
    'preparing',
  ],
  ['a start on asOf has happened', facts('preparing', '2026-05-31'), at(2026, '2026-05-31'), 'started'],
  [
    'a completion date is 竣工',
    facts('underway', '2024-02-01', '2026-06-30'),
    at(2026, '2026-12-06'),
    'completed',
  ],
  [
    'an operation date is 投产',
    facts('completed', '2024-02-01', '2025-06-30', '2026-01-15'),
    at(2026, '2026-12-06'),
    'operating',
  ],
  [
    'a future completion leaves 在建',
    facts('completed', '2024-02-01', '2026-11-30'),
    at(2026, '2026-10-31'),
    'underway',
  ],
  ['在建 recorded without a start date is 前期', facts('underway'), at(2026, '2026-12-06'), 'preparing'],
  ['竣工 recorded without any date is 前期', facts('completed'), at(2026, '2026-12-06'), 'preparing'],
  [
    'a completion date alone is 竣工',
    facts('underway', null, '2026-05-20'),
    at(2026, '2026-06-30'),
    'completed',
  ],
  [
    '在建 whose only date is later is 前期 then',
    facts('underway', '2026-09-01'),
    at(2026, '2026-06-30'),
    'preparing',
  ],
  [
    '淘汰 stays dropped whatever the dates',
    facts('dropped', '2026-03-08'),
    at(2026, '2026-12-06'),
    'dropped',
  ],
  [
    'a recorded 储备 with a start date follows the date',
    facts('reserve', '2026-04-01'),
    at(2026, '2026-12-06'),
    'started',
  ],
];
