import type { AuditEntry, AuditListParams, AuditLogPage } from '../../../src/api/audit-schemas';
import type { AuditEvent } from '../../../src/api/handoff-schemas';
import type { World } from '../world';
import { ACCESS_CHANGES_SETTING, type AccessEntry, accessEntries } from './access-entries';
import { compareKeys, decodeCursor, type EntryKey, encodeCursor } from './cursor';
import { POLICY_CHANGES_SETTING, type PolicyEntry, policyEntries } from './policy-entries';
import {
  type Candidates,
  countIn,
  type EventTest,
  indexesOf,
  itemIds,
  keyAt,
  msOf,
  newestFirst,
  TotalCache,
  textTests,
  windowOf,
} from './scan';
import { TEAM_CHANGES_SETTING, type TeamEntry, teamEntries } from './team-entries';

/** A change to the routing policy, the teams or agents' access: entries that belong to no item. */
type SettingEntry = PolicyEntry | TeamEntry | AccessEntry;

/*
 * The global audit log: item events from the world's log, merged with routing-policy and team
 * changes,
 * newest first, filtered and paged by keyset cursor.
 */

export const AUDIT_PAGE_SIZE = 100;

interface Tests {
  event: EventTest | null;
  /** Set when the filters name items: only their events need looking at. */
  only: Candidates;
  policy: (p: SettingEntry) => boolean;
}

function testsFor(world: World, p: AuditListParams): Tests {
  const checks: EventTest[] = [];
  const policyChecks: ((e: SettingEntry) => boolean)[] = [];
  const both = (check: (e: AuditEvent | SettingEntry) => boolean) => {
    checks.push(check);
    policyChecks.push(check);
  };
  if (p.actorType) {
    const type = p.actorType;
    both((e) => e.actor.type === type);
  }
  if (p.actorId) {
    const id = p.actorId;
    both((e) => e.actor.id === id);
  }
  if (p.action?.length) {
    const actions = new Set<string>(p.action);
    both((e) => actions.has(e.action));
  }
  let only: Candidates = null;
  if (p.item !== undefined) {
    only = indexesOf(world.log, world.events, itemIds(world.handoffs, p.item));
    // A policy or team change belongs to no item.
    policyChecks.push(() => false);
  }
  if (p.rule?.length) {
    const rules = new Set<string>(p.rule);
    checks.push(
      (e) =>
        (e.why.rule !== null && rules.has(e.why.rule)) ||
        e.acknowledgedFlags.some((r) => rules.has(r)),
    );
    // Team changes touch no escalation rule.
    policyChecks.push((e) => e.kind === 'policy' && e.rules.some((r) => rules.has(r)));
  }
  const q = p.q?.trim();
  if (q) {
    const { repeated, once } = textTests(q);
    // Item ids are lower case ("h-4521"), so no per-event lowering is needed.
    const lower = q.toLowerCase();
    // Only text with a digit can be part of an item id ("h-4521").
    const idLike = /\d/.test(q);
    const tickets = /^#?\d{1,9}$/.test(q) ? itemIds(world.handoffs, q) : null;
    checks.push(
      (e) =>
        repeated(e.outcome) ||
        repeated(e.actor.name) ||
        (e.why.reason !== null && repeated(e.why.reason)) ||
        (idLike && e.handoffId.includes(lower)) ||
        tickets?.has(e.handoffId) === true,
    );
    policyChecks.push(
      (e) => once(e.outcome) || once(e.actor.name) || once(e.why.reason) || e.changes.some(once),
    );
  }
  const event: EventTest | null =
    checks.length === 0
      ? null
      : checks.length === 1
        ? checks[0]!
        : (e) => checks.every((check) => check(e));
  return { event, only, policy: (e) => policyChecks.every((check) => check(e)) };
}

function toEntry(world: World, e: AuditEvent): AuditEntry {
  const h = world.handoffs.get(e.handoffId);
  return {
    ...e,
    kind: 'event',
    ticketNumber: h?.ticket.number ?? null,
    category: h?.ticket.category ?? null,
  };
}

export class AuditLog {
  private totals = new TotalCache();

  page(world: World, p: AuditListParams): AuditLogPage {
    const before = p.cursor ? decodeCursor(p.cursor) : null;
    const from = msOf(p.from);
    const to = msOf(p.to);
    const tests = testsFor(world, p);
    const inTime = (k: EntryKey) => (from === null || k.t >= from) && (to === null || k.t <= to);
    const policies = [
      ...policyEntries(world.setting(POLICY_CHANGES_SETTING)),
      ...teamEntries(world.setting(TEAM_CHANGES_SETTING)),
      ...accessEntries(world.setting(ACCESS_CHANGES_SETTING)),
    ]
      .filter((x) => inTime(x.key) && tests.policy(x.entry))
      .sort((a, b) => compareKeys(b.key, a.key));
    const { cursor: _cursor, limit: _limit, ...filters } = p;
    const limit = p.limit ?? AUDIT_PAGE_SIZE;
    let firstPage: number[] | null = null;
    const total = this.totals.get(
      [
        world,
        world.log.size,
        world.setting(POLICY_CHANGES_SETTING),
        world.setting(TEAM_CHANGES_SETTING),
        world.setting(ACCESS_CHANGES_SETTING),
      ],
      JSON.stringify(filters),
      () => {
        const w = windowOf(world.log, from, to, null);
        const counted = countIn(world.log, w, tests.event, tests.only, before ? 0 : limit + 1);
        if (!before) firstPage = counted.newest;
        return counted.count + policies.length;
      },
    );

    const items: AuditEntry[] = [];
    let lastKey: EntryKey | null = null;
    let more = false;
    const events: Iterator<number> =
      (firstPage as number[] | null)?.values() ??
      newestFirst(world.log, windowOf(world.log, from, to, before), tests.event, tests.only);
    let nextEvent = events.next();
    let j = before ? policies.findIndex((x) => compareKeys(x.key, before) < 0) : 0;
    if (j < 0) j = policies.length;
    for (;;) {
      const policy = policies[j];
      const eventKey = nextEvent.done ? null : keyAt(world.log, nextEvent.value);
      if (!policy && !eventKey) break;
      if (items.length === limit) {
        more = true;
        break;
      }
      if (policy && (!eventKey || compareKeys(policy.key, eventKey) > 0)) {
        items.push(policy.entry);
        lastKey = policy.key;
        j += 1;
      } else if (eventKey && !nextEvent.done) {
        items.push(toEntry(world, world.log.events[nextEvent.value]!));
        lastKey = eventKey;
        nextEvent = events.next();
      }
    }
    return { items, nextCursor: more && lastKey ? encodeCursor(lastKey) : null, total };
  }
}
