import {
  MAX_GROUPS,
  type SimilarGroups,
  type SimilarGroupsParams,
  type SimilarMember,
} from '../../../src/api/batch-schemas';
import type {
  Handoff,
  HandoffStatus,
  HandoffSummary,
  User,
} from '../../../src/api/handoff-schemas';
import {
  classOf,
  estimatedJaccard,
  type Groupable,
  groupableOf,
  groupSimilar,
  largestFirst,
  type SimilarGroup,
} from '../../../src/domain/similarity';
import { priorityScore } from '../../../src/domain/sla';
import { matchesExceptStatus, toSummary } from '../list';
import type { World } from '../world';
import { describeGroup, listedMember, type Member } from './describe-group';

/** The statuses a batch may decide from: waiting, held, or escalated to a level. */
export const decidable: readonly HandoffStatus[] = ['pending', 'claimed', 'escalated'];

interface Entry extends Omit<Member, 'groupable'> {
  /** Read while the item waits for a decision; decided items are never grouped again. */
  groupable: Groupable | null;
  /** The item's class while it waits for a decision; null once decided. */
  cls: string | null;
  /** Its place in the world's order. */
  ordinal: number;
  /** Its priority at a minute, kept while the item and the minute stay the same. */
  priority?: { minute: number; value: number };
  /** How a group lists it, kept while the item stays the same. */
  listed?: SimilarMember;
}

interface ClassGroups {
  /** The waiting members. */
  members: Set<string>;
  /** Their groups; null when they must be grouped again (an item joined, or one left that others were compared with). */
  groups: SimilarGroup[] | null;
  /** The members some later member was compared with when the groups were made. */
  consulted: Set<string>;
  /** Each grouped member's group. */
  groupOf: Map<string, SimilarGroup>;
  /** Members nobody was compared with that left since the groups were made. */
  leaving: Set<string>;
  /** Moves when a member changes in what the queue shows of it but stays alike. */
  stamp: number;
}

const minuteOf = (now: number) => Math.floor(now / 60_000) * 60_000;

/** Whether the query narrows the waiting items at all. */
function filters(query: SimilarGroupsParams): boolean {
  return Boolean(
    query.level?.length ||
      query.category?.length ||
      query.flag?.length ||
      (query.assignee && query.assignee !== 'any') ||
      query.slaAtRisk ||
      query.q?.trim(),
  );
}

/**
 * The queue's similar-item groups, kept up to date with the world's writes instead of
 * recomputed per request. Each item's likeness (its MinHash signature and proposed action) is
 * read once per version; items of one class (category, flags, action) are grouped apart from
 * every other class, so a write regroups only the classes of the items it touched, and the
 * unfiltered answer is the classes' groups merged. A filtered answer groups only the items
 * the filters let through, from the kept signatures. The answers equal `groupsFromScratch`.
 */
export class SimilarityIndex {
  private world: World | null = null;
  private revision = -1;
  /** Every item seen, in the world's order. */
  private entries = new Map<string, Entry>();
  private classes = new Map<string, ClassGroups>();
  /** The unfiltered groups, largest first; null when a class changed since. */
  private merged: SimilarGroup[] | null = null;
  private described = new WeakMap<
    SimilarGroup,
    { minute: number; stamp: number; value: SimilarGroups['groups'][number] }
  >();
  /** The class each kept group belongs to. */
  private classOfGroup = new WeakMap<SimilarGroup, ClassGroups>();
  /**
   * The last description of the group each item leads, with the members it was made from: a
   * class grouped again after a write mostly remakes the groups it had, member for member.
   */
  private describedByFirst = new Map<
    string,
    {
      minute: number;
      similarity: number;
      ids: readonly string[];
      summaries: readonly HandoffSummary[];
      value: SimilarGroups['groups'][number];
    }
  >();

  groups(world: World, query: SimilarGroupsParams, user: User, now: number): SimilarGroups {
    this.catchUp(world);
    const minute = minuteOf(now);
    if (filters(query)) return this.filtered(query, user, now, minute);
    this.merged ??= this.merge();
    let waiting = 0;
    let grouped = 0;
    for (const c of this.classes.values()) waiting += c.members.size;
    for (const g of this.merged) grouped += g.ids.length;
    return {
      groups: this.merged.slice(0, MAX_GROUPS).map((g) => this.describe(g, minute)),
      total: waiting,
      ungrouped: waiting - grouped,
    };
  }

  private catchUp(world: World) {
    const changed = world === this.world ? world.changedSince(this.revision) : null;
    if (changed === null) {
      this.world = world;
      this.entries = new Map();
      this.classes = new Map();
      this.merged = null;
      for (const h of world.handoffs.values()) this.refresh(h);
    } else {
      for (const id of changed) {
        const h = world.handoffs.get(id);
        if (h) this.refresh(h);
      }
    }
    this.revision = world.revision;
  }

  /** Reads the item's likeness again if it changed, and marks the classes it left or joined. */
  private refresh(h: Handoff) {
    const known = this.entries.get(h.id);
    if (known?.handoff === h) return;
    const waiting = decidable.includes(h.status);
    // Decided items are never grouped again: their likeness is not worth reading.
    const was = known?.handoff;
    // Likeness reads the draft, the options, the flags and the ticket's category.
    const same =
      was && was.drafts === h.drafts && was.context === h.context && was.ticket === h.ticket;
    const groupable = !waiting ? null : same && known.groupable ? known.groupable : groupableOf(h);
    const cls = groupable ? classOf(groupable) : null;
    if (known && known.cls === cls && known.groupable === groupable) {
      // Claimed, released, saved: still as alike as before, so only its description is stale.
      if (cls) this.classes.get(cls)!.stamp += 1;
    } else {
      if (known?.cls) this.touch(known.cls, h.id, false);
      if (cls) this.touch(cls, h.id, true);
    }
    const summary = toSummary(h);
    if (known) {
      Object.assign(known, { handoff: h, summary, groupable, cls, priority: undefined });
      known.listed = undefined;
    } else
      this.entries.set(h.id, { handoff: h, summary, groupable, cls, ordinal: this.entries.size });
  }

  private touch(cls: string, id: string, member: boolean) {
    let c = this.classes.get(cls);
    if (!c) {
      c = {
        members: new Set(),
        groups: null,
        consulted: new Set(),
        groupOf: new Map(),
        leaving: new Set(),
        stamp: 0,
      };
      this.classes.set(cls, c);
    }
    if (member) c.members.add(id);
    else c.members.delete(id);
    // An item nobody was compared with leaves its class as if it had never been in it: its
    // group loses it and nothing else moves (see groupSimilar), so the class is not regrouped.
    if (!member && c.groups && !c.consulted.has(id)) c.leaving.add(id);
    else c.groups = null;
    this.merged = null;
  }

  /**
   * Takes the items that left out of the class's kept groups, all at once (a batch takes
   * hundreds from one group): each group they were in is filtered once and re-sorted once.
   */
  private applyLeaving(c: ClassGroups) {
    const touched = new Set<SimilarGroup>();
    for (const id of c.leaving) {
      const g = c.groupOf.get(id);
      if (g) touched.add(g);
      c.groupOf.delete(id);
    }
    c.leaving.clear();
    if (touched.size === 0) return;
    const kept: SimilarGroup[] = [];
    for (const g of c.groups!) {
      if (!touched.has(g)) {
        kept.push(g);
        continue;
      }
      const ids = g.ids.filter((id) => c.groupOf.get(id) === g);
      if (ids.length < 2) {
        for (const id of ids) c.groupOf.delete(id);
        continue;
      }
      const first = this.entries.get(ids[0]!)!.groupable!.signature;
      let least = 1;
      for (const id of ids) {
        least = Math.min(
          least,
          estimatedJaccard(first, this.entries.get(id)!.groupable!.signature),
        );
      }
      const next: SimilarGroup = { ...g, ids, similarity: least };
      for (const id of ids) c.groupOf.set(id, next);
      this.classOfGroup.set(next, c);
      kept.push(next);
    }
    c.groups = kept.sort(largestFirst);
  }

  private merge(): SimilarGroup[] {
    const all: SimilarGroup[] = [];
    for (const c of this.classes.values()) {
      if (c.groups && c.leaving.size > 0) this.applyLeaving(c);
      if (!c.groups) {
        c.leaving.clear();
        // The world's order within the class, as a full pass over the world would see it.
        const items = [...c.members]
          .map((id) => this.entries.get(id)!)
          .sort((a, b) => a.ordinal - b.ordinal)
          .map((e) => e.groupable!);
        c.consulted = new Set();
        c.groups = groupSimilar(items, { consulted: c.consulted });
        c.groupOf = new Map();
        for (const g of c.groups) {
          this.classOfGroup.set(g, c);
          for (const id of g.ids) c.groupOf.set(id, g);
        }
      }
      for (const g of c.groups) all.push(g);
    }
    return all.sort(largestFirst);
  }

  private filtered(query: SimilarGroupsParams, user: User, now: number, minute: number) {
    const q = query.q?.trim().toLowerCase() || null;
    const items: Groupable[] = [];
    for (const e of this.entries.values()) {
      if (e.groupable && matchesExceptStatus(e.summary, query, user, now, q)) {
        items.push(e.groupable);
      }
    }
    const groups = groupSimilar(items);
    let grouped = 0;
    for (const g of groups) grouped += g.ids.length;
    return {
      groups: groups.slice(0, MAX_GROUPS).map((g) => this.describe(g, minute)),
      total: items.length,
      ungrouped: items.length - grouped,
    };
  }

  private describe(g: SimilarGroup, minute: number) {
    // Groups of a filtered answer are made per request and belong to no kept class.
    const stamp = this.classOfGroup.get(g)?.stamp ?? -1;
    const known = this.described.get(g);
    if (known && known.minute === minute && known.stamp === stamp) return known.value;
    const kept = stamp >= 0 ? this.sameAsBefore(g, minute) : null;
    if (kept) {
      this.described.set(g, { minute, stamp, value: kept });
      return kept;
    }
    const value = describeGroup(
      g,
      (id) => this.entries.get(id) as Member,
      minute,
      (m) => {
        const e = m as Entry;
        if (e.priority?.minute !== minute) {
          e.priority = { minute, value: priorityScore(e.summary, minute) };
        }
        return e.priority.value;
      },
      (m) => {
        const e = m as Entry;
        e.listed ??= listedMember(m);
        return e.listed;
      },
    );
    this.described.set(g, { minute, stamp, value });
    if (stamp >= 0) {
      if (this.describedByFirst.size > 4 * MAX_GROUPS) this.describedByFirst.clear();
      this.describedByFirst.set(g.ids[0]!, {
        minute,
        similarity: g.similarity,
        ids: g.ids,
        summaries: g.ids.map((id) => this.entries.get(id)!.summary),
        value,
      });
    }
    return value;
  }

  /** The description of a group made before with the same members, each at the same version. */
  private sameAsBefore(g: SimilarGroup, minute: number) {
    const before = this.describedByFirst.get(g.ids[0]!);
    if (
      !before ||
      before.minute !== minute ||
      before.similarity !== g.similarity ||
      before.ids.length !== g.ids.length
    ) {
      return null;
    }
    for (let i = 0; i < g.ids.length; i++) {
      const id = g.ids[i]!;
      if (before.ids[i] !== id || this.entries.get(id)?.summary !== before.summaries[i])
        return null;
    }
    return before.value;
  }
}

/**
 * The groups computed from nothing: every waiting item the filters let through, in the
 * world's order, grouped in one pass. What the index must always answer.
 */
export function groupsFromScratch(
  world: World,
  query: SimilarGroupsParams,
  user: User,
  now: number,
): SimilarGroups {
  const q = query.q?.trim().toLowerCase() || null;
  const members = new Map<string, Member>();
  for (const h of world.handoffs.values()) {
    if (!decidable.includes(h.status)) continue;
    const summary = toSummary(h);
    if (!matchesExceptStatus(summary, query, user, now, q)) continue;
    members.set(h.id, { handoff: h, summary, groupable: groupableOf(h) });
  }
  const groups = groupSimilar([...members.values()].map((m) => m.groupable));
  let grouped = 0;
  for (const g of groups) grouped += g.ids.length;
  return {
    groups: groups
      .slice(0, MAX_GROUPS)
      .map((g) => describeGroup(g, (id) => members.get(id)!, minuteOf(now))),
    total: members.size,
    ungrouped: members.size - grouped,
  };
}
