import { describe, expect, it } from 'vitest';
import { credit, exception, refund } from '../../tests/kits/commitments';
import type { Commitment } from '../api/commitment-schemas';
import {
  type DecisionAction,
  decisionActionSchema,
  type Level,
  levelSchema,
} from '../api/handoff-schemas';
import type { Ladder } from '../api/ladder-schemas';
import { authorityProblem, checkActionAuthority, requiredLevelFor, stakesOf } from './authority';
import { defaultLadder } from './default-ladder';
import { rank } from './levels';

const levels = levelSchema.options;
const actions = decisionActionSchema.options;

/** The amount bands around every limit of the default ladder ($100, $500, $5,000). */
const bands = [null, 0, 50, 100, 100.01, 500, 500.01, 5000, 5000.01, 1_000_000] as const;

const Y = true;
const N = false;

/*
 * Approving, by level (columns) and amount (rows), in a category every person covers. Read it
 * like the ladder's spec: L1 up to $100, L2 up to $500, Manager up to $5,000, Executive
 * without limit, the AI never.
 */
const approveMatrix: Record<string, Record<Level, boolean>> = {
  //                 ai  l1  l2 manager executive
  'no money': { ai: N, l1: Y, l2: Y, manager: Y, executive: Y },
  $0: { ai: N, l1: Y, l2: Y, manager: Y, executive: Y },
  $50: { ai: N, l1: Y, l2: Y, manager: Y, executive: Y },
  $100: { ai: N, l1: Y, l2: Y, manager: Y, executive: Y },
  '$100.01': { ai: N, l1: N, l2: Y, manager: Y, executive: Y },
  $500: { ai: N, l1: N, l2: Y, manager: Y, executive: Y },
  '$500.01': { ai: N, l1: N, l2: N, manager: Y, executive: Y },
  $5000: { ai: N, l1: N, l2: N, manager: Y, executive: Y },
  '$5000.01': { ai: N, l1: N, l2: N, manager: N, executive: Y },
  $1000000: { ai: N, l1: N, l2: N, manager: N, executive: Y },
};

const bandName = (amount: number | null) => (amount === null ? 'no money' : `$${amount}`);

describe('checkActionAuthority: every action × level × amount band', () => {
  for (const amount of bands) {
    for (const level of levels) {
      for (const action of actions) {
        // Only approval sends the draft, so only approval is held to the refund limit.
        const expected =
          action === 'approve' ? approveMatrix[bandName(amount)]?.[level] : level !== 'ai';
        it(`${level} ${action} at ${bandName(amount)}: ${expected ? 'allowed' : 'refused'}`, () => {
          const check = checkActionAuthority(
            level,
            action,
            { category: 'billing', amount },
            defaultLadder,
          );
          expect(check.allowed).toBe(expected);
          if (!check.allowed) {
            expect(check.reason.length).toBeGreaterThan(10);
            // The level named as able really is able, and nothing below it is.
            expect(check.canBeDoneBy).not.toBeNull();
            const able = check.canBeDoneBy as Level;
            expect(
              checkActionAuthority(able, action, { category: 'billing', amount }, defaultLadder)
                .allowed,
            ).toBe(true);
            for (const lower of levels.filter((l) => rank(l) < rank(able))) {
              expect(
                checkActionAuthority(lower, action, { category: 'billing', amount }, defaultLadder)
                  .allowed,
              ).toBe(false);
            }
          }
        });
      }
    }
  }
});

describe('checkActionAuthority: reasons a person can act on', () => {
  it('names the threshold crossed, the level that can, and the amount promised', () => {
    expect(
      checkActionAuthority('l1', 'approve', { category: 'shipping', amount: 250 }, defaultLadder),
    ).toEqual({
      allowed: false,
      reason: 'Refunds over $100 need L2 Specialist or above; this draft promises $250.00.',
      canBeDoneBy: 'l2',
    });
    expect(
      checkActionAuthority('l1', 'approve', { category: 'shipping', amount: 649 }, defaultLadder),
    ).toEqual({
      allowed: false,
      reason: 'Refunds over $500 need Manager or above; this draft promises $649.00.',
      canBeDoneBy: 'manager',
    });
    expect(
      checkActionAuthority(
        'manager',
        'approve',
        { category: 'billing', amount: 12_500 },
        defaultLadder,
      ),
    ).toEqual({
      allowed: false,
      reason: 'Refunds over $5,000 need Executive; this draft promises $12,500.00.',
      canBeDoneBy: 'executive',
    });
  });

  it('speaks of credits when the stakes are a credit', () => {
    const check = checkActionAuthority(
      'l1',
      'approve',
      {
        category: 'billing',
        amount: 150,
        amountKind: 'credit',
      },
      defaultLadder,
    );
    expect(check).toMatchObject({
      reason: 'Credits over $100 need L2 Specialist or above; this draft promises $150.00.',
    });
  });

  it('tells the AI a person must decide', () => {
    expect(
      checkActionAuthority('ai', 'approve', { category: 'billing', amount: null }, defaultLadder),
    ).toEqual({
      allowed: false,
      reason: 'The AI cannot approve on its own; a person at L1 Support or above must.',
      canBeDoneBy: 'l1',
    });
  });

  it('keeps legal items from L1 but lets L1 escalate them', () => {
    expect(
      checkActionAuthority('l1', 'approve', { category: 'legal', amount: null }, defaultLadder),
    ).toEqual({
      allowed: false,
      reason:
        'Legal items need L2 Specialist or above; they are outside the authority of L1 Support.',
      canBeDoneBy: 'l2',
    });
    expect(
      checkActionAuthority('l1', 'reject', { category: 'legal', amount: null }, defaultLadder)
        .allowed,
    ).toBe(false);
    expect(
      checkActionAuthority('l1', 'escalate', { category: 'legal', amount: null }, defaultLadder)
        .allowed,
    ).toBe(true);
    expect(
      checkActionAuthority('l2', 'approve', { category: 'legal', amount: 50 }, defaultLadder)
        .allowed,
    ).toBe(true);
  });

  it('reserves exceptions to policy for levels that may grant them', () => {
    const request = { category: 'billing', amount: null, policyException: true } as const;
    expect(checkActionAuthority('l1', 'approve', request, defaultLadder)).toEqual({
      allowed: false,
      reason: 'Exceptions to policy need L2 Specialist or above; L1 Support cannot grant them.',
      canBeDoneBy: 'l2',
    });
    expect(checkActionAuthority('l2', 'approve', request, defaultLadder).allowed).toBe(true);
    expect(checkActionAuthority('l1', 'reject', request, defaultLadder).allowed).toBe(true);
  });

  it('asks someone with refund authority to check an unstated amount', () => {
    const request = { category: 'billing', amount: null, amountUnknown: true } as const;
    expect(checkActionAuthority('l1', 'approve', request, defaultLadder).allowed).toBe(true);
    const noAllowance: Ladder = defaultLadder.map((l) =>
      l.level === 'l1' ? { ...l, refundLimit: 0 } : l,
    );
    expect(checkActionAuthority('l1', 'approve', request, noAllowance)).toEqual({
      allowed: false,
      reason:
        'This draft promises money without a stated amount; it needs L2 Specialist or above, who can check the order value.',
      canBeDoneBy: 'l2',
    });
  });

  it('says so when no level on the ladder can', () => {
    const capped: Ladder = defaultLadder.map((l) =>
      l.level === 'executive' ? { ...l, refundLimit: 10_000 } : l,
    );
    expect(
      checkActionAuthority('executive', 'approve', { category: 'billing', amount: 20_000 }, capped),
    ).toEqual({
      allowed: false,
      reason: 'No level on the ladder may approve refunds of $20,000.00.',
      canBeDoneBy: null,
    });
  });

  it('does not say "or above" when a higher level lacks the action', () => {
    const odd: Ladder = defaultLadder.map((l) =>
      l.level === 'manager' ? { ...l, actions: ['approve', 'reject', 'escalate'] } : l,
    );
    expect(
      checkActionAuthority('manager', 'redirect', { category: 'billing', amount: null }, odd),
    ).toEqual({
      allowed: false,
      reason: 'Manager cannot redirect items; L1 Support can.',
      canBeDoneBy: 'l1',
    });
  });
});

describe('stakesOf', () => {
  const c = (
    kind: Commitment['kind'],
    amount: number | null,
    currency: Commitment['currency'] = 'USD',
  ): Commitment => ({
    kind,
    amount,
    currency: amount === null ? null : currency,
    text: kind,
    evidence: { start: 0, end: 1 },
  });

  it('takes the largest amount in dollars and remembers unknowns and exceptions', () => {
    expect(stakesOf([])).toEqual({
      amount: null,
      amountKind: 'refund',
      amountUnknown: false,
      policyException: false,
    });
    expect(stakesOf([c('refund', 80), c('credit', 90, 'EUR'), c('refund', null)])).toEqual({
      amount: 108,
      amountKind: 'credit',
      amountUnknown: true,
      policyException: false,
    });
    expect(stakesOf([c('policy_exception', null)])).toMatchObject({
      amountUnknown: false,
      policyException: true,
    });
  });

  it('agrees with requiredLevelFor: a level may approve exactly when it is the required level or above', () => {
    const sets: Commitment[][] = [
      [],
      [c('refund', 40)],
      [c('refund', 100)],
      [c('credit', 101)],
      [c('refund', 450, 'EUR')],
      [c('refund', 499), c('policy_exception', null)],
      [c('policy_exception', 900)],
      [c('refund', null)],
      [c('refund', 7000)],
    ];
    for (const commitments of sets) {
      for (const category of ['billing', 'legal'] as const) {
        const required = requiredLevelFor(commitments, defaultLadder, category);
        for (const level of levels.filter((l) => l !== 'ai')) {
          const check = checkActionAuthority(
            level,
            'approve',
            {
              category,
              ...stakesOf(commitments),
            },
            defaultLadder,
          );
          expect(check.allowed, `${level} on ${JSON.stringify(commitments)} in ${category}`).toBe(
            rank(level) >= rank(required),
          );
        }
      }
    }
  });
});

describe('authorityProblem', () => {
  it('is a 403 whose detail is the reason, and nothing when allowed', () => {
    const check = checkActionAuthority(
      'l1',
      'approve',
      { category: 'shipping', amount: 649 },
      defaultLadder,
    );
    expect(authorityProblem(check)).toMatchObject({
      status: 403,
      code: 'forbidden',
      detail: 'Refunds over $500 need Manager or above; this draft promises $649.00.',
    });
    expect(authorityProblem({ allowed: true })).toBeNull();
  });

  it('covers every action (the contract has no others)', () => {
    const all: DecisionAction[] = ['approve', 'reject', 'escalate', 'redirect'];
    expect([...actions].sort()).toEqual([...all].sort());
  });
});

describe('requiredLevelFor', () => {
  it.each([
    { name: 'nothing promised', commitments: [], category: 'billing', level: 'ai' },
    { name: 'nothing promised, legal', commitments: [], category: 'legal', level: 'l2' },
    { name: '$0.01 refund', commitments: [refund(0.01)], category: 'billing', level: 'l1' },
    { name: '$100 refund', commitments: [refund(100)], category: 'billing', level: 'l1' },
    { name: '$100.01 refund', commitments: [refund(100.01)], category: 'billing', level: 'l2' },
    { name: '$500 refund', commitments: [refund(500)], category: 'shipping', level: 'l2' },
    {
      name: '$500.01 refund',
      commitments: [refund(500.01)],
      category: 'shipping',
      level: 'manager',
    },
    { name: '$649 refund', commitments: [refund(649)], category: 'shipping', level: 'manager' },
    { name: '$5,000 credit', commitments: [credit(5000)], category: 'account', level: 'manager' },
    {
      name: '$5,000.01 credit',
      commitments: [credit(5000.01)],
      category: 'account',
      level: 'executive',
    },
    {
      name: '$1m refund',
      commitments: [refund(1_000_000)],
      category: 'technical',
      level: 'executive',
    },
    { name: 'unpriced refund', commitments: [refund(null)], category: 'billing', level: 'l1' },
    { name: 'exception', commitments: [exception()], category: 'billing', level: 'l2' },
    {
      name: '$600 exception',
      commitments: [exception(600)],
      category: 'billing',
      level: 'manager',
    },
    {
      name: '€90 refund (= $108)',
      commitments: [refund(90, 'EUR')],
      category: 'billing',
      level: 'l2',
    },
    { name: '$50 refund, legal', commitments: [refund(50)], category: 'legal', level: 'l2' },
    {
      name: 'every commitment covered',
      commitments: [refund(20), credit(300), exception()],
      category: 'billing',
      level: 'l2',
    },
  ] as const)('$name ($category) needs $level', ({ commitments, category, level }) => {
    expect(requiredLevelFor(commitments, defaultLadder, category)).toBe(level);
  });

  it('falls back to the top of the ladder when no level covers the stakes', () => {
    const capped: Ladder = defaultLadder.map((l) =>
      l.level === 'executive' ? { ...l, refundLimit: 10_000 } : l,
    );
    expect(requiredLevelFor([refund(20_000)], capped, 'billing')).toBe('executive');
  });

  it('lets a lead give the AI a small refund allowance', () => {
    const generous: Ladder = defaultLadder.map((l) =>
      l.level === 'ai' ? { ...l, refundLimit: 25 } : l,
    );
    expect(requiredLevelFor([refund(25)], generous, 'billing')).toBe('ai');
    expect(requiredLevelFor([refund(25.01)], generous, 'billing')).toBe('l1');
  });
});
