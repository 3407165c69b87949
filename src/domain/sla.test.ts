import { priorityScore, slaState } from './sla';

const now = Date.parse('2026-11-25T09:00:00Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

describe('SLA and priority', () => {
  it('names breached, at-risk and comfortable SLAs', () => {
    expect(slaState(at(-1), now)).toBe('breached');
    expect(slaState(at(30), now)).toBe('at_risk');
    expect(slaState(at(240), now)).toBe('ok');
  });

  it('puts a breached SLA ahead of a critical item with time left', () => {
    const breached = { dueAt: at(-5), urgency: 'low' as const, flags: [], createdAt: at(-60) };
    const critical = {
      dueAt: at(600),
      urgency: 'critical' as const,
      flags: [],
      createdAt: at(-60),
    };
    expect(priorityScore(breached, now)).toBeGreaterThan(priorityScore(critical, now));
  });

  it('ranks a critical flag above a warning at the same urgency', () => {
    const base = { dueAt: at(600), urgency: 'normal' as const, createdAt: at(-60) };
    const hard = {
      ...base,
      flags: [{ rule: 'policy_keyword' as const, severity: 'critical' as const, hardStop: true }],
    };
    const soft = {
      ...base,
      flags: [{ rule: 'low_confidence' as const, severity: 'warning' as const, hardStop: false }],
    };
    expect(priorityScore(hard, now)).toBeGreaterThan(priorityScore(soft, now));
  });
});
