// @vitest-environment node
import type { AuditEvent } from '../../src/api/handoff-schemas';
import { EventLog } from './event-log';

const event = (id: string, at: string): AuditEvent => ({
  id,
  handoffId: 'h-1',
  at,
  actor: { type: 'system', id: 'system', name: 'Handoff Desk' },
  action: 'created',
  why: { reason: null, rule: null, confidence: null },
  outcome: 'Created',
  version: 1,
  diff: null,
  timeOnItemMs: null,
  acknowledgedFlags: [],
});

describe('event log', () => {
  it('orders stored events by time, keeping the stored order of one instant', () => {
    const log = EventLog.from([
      event('b', '2026-11-25T09:00:02.000Z'),
      event('a', '2026-11-25T09:00:01.000Z'),
      event('c', '2026-11-25T09:00:02.000Z'),
    ]);
    expect(log.events.map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('appends in commit order, and files an event from a clock that stepped back by its time', () => {
    const log = EventLog.from([event('a', '2026-11-25T09:00:01.000Z')]);
    log.append(event('b', '2026-11-25T09:00:03.000Z'));
    log.append(event('late', '2026-11-25T09:00:02.000Z'));
    log.append(event('c', '2026-11-25T09:00:03.000Z'));
    expect(log.events.map((e) => e.id)).toEqual(['a', 'late', 'b', 'c']);
    // Keys only grow along the log, so binary searches over it hold.
    const keys = log.events.map((_, i) => [log.times[i]!, log.seqs[i]!] as const);
    expect(
      keys.every(
        ([t, s], i) =>
          i === 0 || t > keys[i - 1]![0] || (t === keys[i - 1]![0] && s > keys[i - 1]![1]),
      ),
    ).toBe(true);
    expect(log.indexOf(log.events[2]!)).toBe(2);
    expect(log.firstAtKey({ t: log.times[2]!, seq: log.seqs[2]! })).toBe(2);
  });
});
