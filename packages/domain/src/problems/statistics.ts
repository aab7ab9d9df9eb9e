import { problemResolutionRate } from '../indicators/office-rates';
import { type DecimalInput, quotient, type Ratio } from '../money/decimal';

/** One group's problem figures: 受理, 已解决, 逾期, 解决率, 平均办结天数. */
export interface ProblemFigures {
  received: number;
  solved: number;
  overdue: number;
  resolutionRate: Ratio;
  /** Calendar days from raising to write-off, summed over the solved ones. */
  totalDaysToSolve: string;
  /** Mean days to solve rounded half-up to one decimal; null when none is solved. */
  averageDaysToSolve: string | null;
}

/**
 * The statistics of a group of problems from its counts (summed in SQL): received (every problem
 * raised, rejected ones excepted), solved (written off, 销号; a reopened one no longer counts),
 * overdue (still open past its due date), the resolution rate solved ÷ received (one decimal, exact:
 * Shandong's 1,075 of 1,200 = 89.6%) and the average days to solve. Source: DOMAIN.md.
 */
export function problemFigures(input: {
  received: number;
  solved: number;
  overdue: number;
  totalDaysToSolve: DecimalInput;
}): ProblemFigures {
  const resolutionRate = problemResolutionRate({ solved: input.solved, received: input.received });
  const totalDaysToSolve = String(input.totalDaysToSolve);
  return {
    received: input.received,
    solved: input.solved,
    overdue: input.overdue,
    resolutionRate,
    totalDaysToSolve,
    averageDaysToSolve: quotient(totalDaysToSolve, input.solved),
  };
}
