import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ana,
  ben,
  ev,
  facts,
  HOUR,
  item,
  MIN,
  system,
  T0,
} from '../../../tests/kits/metrics-trails';
import type { DashboardWindow } from '../../api/dashboard-schemas';
import {
  type AuditAction,
  type AuditEvent,
  categorySchema,
  flagRuleSchema,
  type Handoff,
  handoffStatusSchema,
  levelSchema,
} from '../../api/handoff-schemas';
import { computeDashboard } from './dashboard';
import { decisionActions, type ItemFacts } from './facts';
import { LiveDashboard } from './live-dashboard';

/*
 * The live index against the full computation: random items with random trails are put,
 * replaced and read at random instants and windows; every figure must match to the unit.
 */

const directory = [
  { id: 'legal', name: 'Legal', members: [ana] },
  { id: 'billing', name: 'Billing', members: [ana, ben] },
];
const teamNames: Record<string, string> = { legal: 'Legal', billing: 'Billing', gone: 'Gone' };

const version = fc.record({
  category: fc.constantFrom(...categorySchema.options),
  level: fc.constantFrom(...levelSchema.options),
  status: fc.constantFrom(...handoffStatusSchema.options),
  confidence: fc.constantFrom(0.5, 0.84, 0.85, 0.97),
  createdHours: fc.integer({ min: 0, max: 200 }),
  dueMinutes: fc.integer({ min: -120, max: 600 }),
  assignee: fc.constantFrom(null, ana, ben),
  team: fc.constantFrom(null, 'legal', 'billing', 'gone'),
  flag: fc.option(fc.constantFrom(...flagRuleSchema.options)),
  moves: fc.array(
    fc.record({
      action: fc.constantFrom<AuditAction>(
        'claimed',
        'released',
        ...decisionActions,
        'auto_approved',
        'expired',
      ),
      afterMinutes: fc.integer({ min: 0, max: 600 }),
      by: fc.constantFrom(ana, ben, system),
      timeOnItemMs: fc.option(fc.integer({ min: 0, max: 400_000 })),
      edited: fc.boolean(),
      confidence: fc.option(fc.constantFrom(0.6, 0.9)),
      // The team holding the item then: not recorded (older events), none, or one, maybe gone.
      team: fc.constantFrom<string | null | undefined>(undefined, null, 'legal', 'billing', 'gone'),
    }),
    { maxLength: 4 },
  ),
});
type Version = typeof version extends fc.Arbitrary<infer T> ? T : never;

function factsOf(id: string, v: Version): ItemFacts {
  const created = T0 + v.createdHours * HOUR;
  const base = item({
    id,
    category: v.category,
    level: v.level,
    status: v.status,
    confidence: v.confidence,
    createdAt: created,
    dueAt: T0 + 200 * HOUR + v.dueMinutes * MIN,
    assignee: v.assignee,
  });
  const h: Handoff = {
    ...base,
    team: v.team
      ? {
          teamId: v.team,
          teamName: teamNames[v.team]!,
          choice: 'category',
          ruleId: null,
          reason: 'test',
          directoryVersion: 1,
        }
      : null,
  };
  const events: AuditEvent[] = [ev(h, 'created', created)];
  if (v.flag) events.push(ev(h, 'flagged', created, { rule: v.flag }));
  let at = created;
  for (const m of v.moves) {
    at += m.afterMinutes * MIN;
    const event = ev(h, m.action, at, {
      actor: m.by,
      timeOnItemMs: m.timeOnItemMs,
      diff: m.edited ? 'edited' : null,
      confidence: m.confidence,
    });
    if (m.team !== undefined) {
      event.team = m.team === null ? null : { teamId: m.team, teamName: teamNames[m.team]! };
    }
    events.push(event);
  }
  return facts(h, events);
}

const step = fc.record({
  item: fc.nat(11),
  next: version,
  window: fc.constantFrom<DashboardWindow>('8h', '24h', '72h', '7d'),
  nowHours: fc.integer({ min: 0, max: 230 }),
});

describe('the live dashboard index', () => {
  it('gives every figure the full computation gives, after any run of item changes', () => {
    fc.assert(
      fc.property(
        fc.array(version, { minLength: 1, maxLength: 12 }),
        fc.array(step, { minLength: 1, maxLength: 15 }),
        (initial, steps) => {
          const world = new Map<string, ItemFacts>();
          for (const [i, v] of initial.entries()) world.set(`h-${i}`, factsOf(`h-${i}`, v));
          const live = LiveDashboard.of(world.values());
          for (const s of steps) {
            // Within the items there are, or a new one at the end.
            const id = `h-${s.item % (world.size + 1)}`;
            const f = factsOf(id, s.next);
            world.set(id, f);
            live.put(f);
            const now = T0 + s.nowHours * HOUR + 17 * MIN;
            expect(live.figures(s.window, now, directory)).toEqual(
              computeDashboard([...world.values()], s.window, now, directory),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
