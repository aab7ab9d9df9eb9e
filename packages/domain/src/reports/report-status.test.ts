import { describe, expect, it } from 'vitest';
import { type ReportAction, type ReportStatus, transitionReport } from './report-status';

describe('transitionReport', () => {
  it.each<[ReportStatus, ReportAction, ReportStatus | 'INVALID_TRANSITION']>([
    ['draft', 'save', 'draft'],
    ['draft', 'submit', 'submitted'],
    ['returned', 'save', 'returned'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'approve', 'approved'],
    ['submitted', 'return', 'returned'],
    ['approved', 'correct', 'approved'],
    ['submitted', 'save', 'INVALID_TRANSITION'],
    ['approved', 'save', 'INVALID_TRANSITION'],
    ['approved', 'submit', 'INVALID_TRANSITION'],
    ['draft', 'approve', 'INVALID_TRANSITION'],
    ['returned', 'approve', 'INVALID_TRANSITION'],
    ['approved', 'return', 'INVALID_TRANSITION'],
    ['draft', 'correct', 'INVALID_TRANSITION'],
  ])('%s + %s → %s', (status, action, expected) => {
    if (expected === 'INVALID_TRANSITION') {
      expect(() => transitionReport(status, action)).toThrow(
        expect.objectContaining({ code: 'INVALID_TRANSITION' }),
      );
    } else {
      expect(transitionReport(status, action)).toBe(expected);
    }
  });
});
