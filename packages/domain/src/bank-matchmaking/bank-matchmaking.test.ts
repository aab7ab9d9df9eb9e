import { describe, expect, it } from 'vitest';
import {
  assertBankFollowUpMove,
  type BankFollowUpFacts,
  type BankFollowUpStatus,
  bankFollowUpProblems,
  bankMatchmakingFigures,
} from './bank-matchmaking';

describe('bank follow-up moves', () => {
  it.each<[BankFollowUpStatus, BankFollowUpStatus, boolean]>([
    ['pushed', 'negotiating', true],
    ['pushed', 'credited', true],
    ['pushed', 'disbursed', false],
    ['pushed', 'failed', true],
    ['negotiating', 'credited', true],
    ['negotiating', 'pushed', false],
    ['credited', 'disbursed', true],
    ['credited', 'failed', true],
    ['credited', 'negotiating', false],
    ['disbursed', 'failed', false],
    ['disbursed', 'credited', false],
    ['failed', 'negotiating', true],
    ['failed', 'disbursed', false],
    ['credited', 'credited', true],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    if (allowed) expect(() => assertBankFollowUpMove(from, to)).not.toThrow();
    else
      expect(() => assertBankFollowUpMove(from, to)).toThrow(
        expect.objectContaining({ code: 'INVALID_TRANSITION' }),
      );
  });

  it('names both statuses in Chinese', () => {
    expect(() => assertBankFollowUpMove('disbursed', 'failed')).toThrow('不能从「已放款」改为「未成功」');
  });
});

const facts = (f: Partial<BankFollowUpFacts>): BankFollowUpFacts => ({
  status: 'pushed',
  failureReason: null,
  creditGrantedWanYuan: null,
  disbursedWanYuan: null,
  disbursedOn: null,
  rolledOverWanYuan: null,
  rolledOverOn: null,
  ...f,
});

describe('bank follow-up fields by status', () => {
  it.each<[string, Partial<BankFollowUpFacts>, string[]]>([
    ['pushed with nothing', {}, []],
    ['credited without credit', { status: 'credited' }, ['creditGrantedWanYuan']],
    [
      'credited with zero credit',
      { status: 'credited', creditGrantedWanYuan: '0' },
      ['creditGrantedWanYuan'],
    ],
    ['credited with credit', { status: 'credited', creditGrantedWanYuan: '5000' }, []],
    ['disbursed without loan', { status: 'disbursed', creditGrantedWanYuan: '5000' }, ['disbursedWanYuan']],
    [
      'disbursed above credit',
      {
        status: 'disbursed',
        creditGrantedWanYuan: '5000',
        disbursedWanYuan: '5000.5',
        disbursedOn: '2026-03-01',
      },
      ['disbursedWanYuan'],
    ],
    [
      'disbursed without date',
      { status: 'disbursed', creditGrantedWanYuan: '5000', disbursedWanYuan: '3000' },
      ['disbursedOn'],
    ],
    [
      'disbursed in full',
      {
        status: 'disbursed',
        creditGrantedWanYuan: '5000',
        disbursedWanYuan: '5000',
        disbursedOn: '2026-03-01',
      },
      [],
    ],
    ['failed without reason', { status: 'failed', failureReason: '  ' }, ['failureReason']],
    ['failed with reason', { status: 'failed', failureReason: '抵押物不足' }, []],
    ['rollover without date', { rolledOverWanYuan: '800' }, ['rolledOverOn']],
  ])('%s', (_, f, paths) => {
    expect(bankFollowUpProblems(facts(f)).map((p) => p.path)).toEqual(paths);
  });
});

describe('bank matchmaking figures', () => {
  // By hand: events e1, e2 in the year (e3 belongs to another year and is not listed). Projects P
  // (banks A, B at e1; A again at e2), Q (bank C at e2): 2 projects, pairs P|A, P|B, Q|C = 3 → 1.5
  // banks per project. Signed 30000 + 12000.5 + 0 + 40000 = 82000.5 万元 = 8.20 亿. Loans: 20000 disbursed
  // in 2026 and 5000 in 2025 (not counted); 683700 rolled over in 2026 = 68.37 亿.
  const pushes = [
    { eventId: 'e1', projectId: 'P', bankId: 'A', signedWanYuan: '30000' },
    { eventId: 'e1', projectId: 'P', bankId: 'B', signedWanYuan: '12000.5' },
    { eventId: 'e2', projectId: 'P', bankId: 'A', signedWanYuan: null },
    { eventId: 'e2', projectId: 'Q', bankId: 'C', signedWanYuan: '40000' },
    { eventId: 'e3', projectId: 'R', bankId: 'C', signedWanYuan: '99999' },
  ];
  const loans = [
    { disbursedWanYuan: '20000', disbursedOn: '2026-04-02', rolledOverWanYuan: null, rolledOverOn: null },
    {
      disbursedWanYuan: '5000',
      disbursedOn: '2025-12-30',
      rolledOverWanYuan: '683700',
      rolledOverOn: '2026-06-30',
    },
  ];

  it('counts events, projects, banks per project and money as published', () => {
    expect(bankMatchmakingFigures(2026, ['e1', 'e2'], pushes, loans)).toEqual({
      events: 2,
      projectsPushed: 2,
      pairsPushed: 3,
      banksPerProject: '1.5',
      creditSignedWanYuan: '82000.5',
      creditSignedYiYuan: '8.20',
      disbursedWanYuan: '20000',
      disbursedYiYuan: '2.00',
      rolledOverWanYuan: '683700',
      rolledOverYiYuan: '68.37',
    });
  });

  it('answers no average when nothing was pushed', () => {
    const none = bankMatchmakingFigures(2026, ['e9'], [], []);
    expect(none.events).toBe(1);
    expect(none.banksPerProject).toBeNull();
    expect(none.creditSignedYiYuan).toBe('0.00');
  });
});
