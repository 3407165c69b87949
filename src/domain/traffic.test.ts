import { describe, expect, it } from 'vitest';
import { exampleHandoff } from '../../mocks/seed/example';
import type { Handoff, Outcome } from '../api/handoff-schemas';
import { trafficItemSchema } from '../api/what-if-schemas';
import { stableDraw, trafficItemFromHandoff, trafficOutcome } from './traffic';

const base = exampleHandoff(Date.UTC(2025, 2, 1, 12)).handoff;
const person = { type: 'person', id: 'u-ana', name: 'Ana Ortiz' } as const;
const router = { type: 'system', id: 'router', name: 'Confidence router' } as const;

function decided(outcome: Partial<Outcome>, extra: Partial<Handoff> = {}): Handoff {
  return {
    ...base,
    status: 'approved',
    outcome: {
      action: 'approve',
      by: person,
      at: base.updatedAt,
      edited: false,
      finalText: 'Hi',
      reason: null,
      ...outcome,
    },
    ...extra,
  };
}

describe('stableDraw', () => {
  it('is in [0, 1), the same for the same id, and spread across ids', () => {
    expect(stableDraw('h-1')).toBe(stableDraw('h-1'));
    const draws = Array.from({ length: 2000 }, (_, i) => stableDraw(`h-${i}`));
    for (const d of draws) {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(1);
    }
    const under = draws.filter((d) => d < 0.1).length / draws.length;
    expect(under).toBeGreaterThan(0.07);
    expect(under).toBeLessThan(0.13);
  });
});

describe('trafficOutcome', () => {
  it('reads what a person did with the AI’s work', () => {
    expect(trafficOutcome(base)).toBeNull();
    expect(trafficOutcome(decided({}))).toBe('approved_unedited');
    expect(trafficOutcome(decided({ edited: true }))).toBe('edited');
    expect(trafficOutcome(decided({ action: 'reject', reason: 'Wrong order' }))).toBe('rejected');
    expect(
      trafficOutcome(
        decided(
          {},
          {
            status: 'escalated',
            outcome: null,
            escalation: { by: person, at: base.updatedAt, fromLevel: 'l1', note: 'Refund too big' },
          },
        ),
      ),
    ).toBe('escalated');
  });

  it('counts a redirect as an edit: the first draft needed correcting', () => {
    const second = { ...base.drafts[0]!, number: 2, note: 'Redirected' };
    expect(trafficOutcome(decided({}, { drafts: [...base.drafts, second] }))).toBe('edited');
    expect(trafficOutcome({ ...base, status: 'claimed', drafts: [...base.drafts, second] })).toBe(
      'edited',
    );
  });

  it('does not count the router’s own auto-approval as a person’s outcome', () => {
    expect(trafficOutcome(decided({ by: router }, { status: 'auto_approved' }))).toBeNull();
  });
});

describe('trafficItemFromHandoff', () => {
  it('replays the AI’s first draft with its flags and stakes', () => {
    const item = trafficItemFromHandoff(base, { orderValue: 649 });
    expect(trafficItemSchema.parse(item)).toEqual(item);
    expect(item).toMatchObject({
      id: base.id,
      category: 'shipping',
      confidence: 0.85,
      outcome: null,
      random01: stableDraw(base.id),
    });
    expect(item.flags.map((f) => f.rule)).toContain('policy_keyword');
    expect(item.commitments.map((c) => [c.kind, c.amount])).toEqual([['refund', 649]]);
  });
});
