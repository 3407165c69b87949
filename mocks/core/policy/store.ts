import { z } from 'zod/mini';
import type { Handoff } from '../../../src/api/handoff-schemas';
import type { Ladder } from '../../../src/api/ladder-schemas';
import { type PolicyChange, policyChangeSchema } from '../../../src/api/policy-change-schemas';
import type { RoutingPolicy } from '../../../src/api/routing-policy-schemas';
import type { TrafficItem } from '../../../src/api/what-if-schemas';
import { defaultLadder } from '../../../src/domain/default-ladder';
import { defaultRoutingPolicy } from '../../../src/domain/default-policy';
import { currentPolicy } from '../../../src/domain/policy-history';
import { isRoutedTraffic, trafficItemFromHandoff } from '../../../src/domain/traffic';
import type { BackendServices } from '../services';

/*
 * Where the routing policy lives: its whole audited history, oldest first, as one setting.
 * The policy in force is the last change's `after` (or the default before any change), so
 * the history cannot disagree with what routes items. The audit log reads the same key.
 */

export const POLICY_CHANGES_KEY = 'policy.changes';

/** How far back the what-if replays routed traffic. */
export const RECENT_TRAFFIC_MS = 7 * 24 * 60 * 60 * 1000;

const historySchema = z.array(policyChangeSchema);

export function policyHistory(s: BackendServices): PolicyChange[] {
  const stored = s.world.setting<unknown>(POLICY_CHANGES_KEY);
  if (stored === undefined) return [];
  // Stored by this module, but it outlives code versions: a record that no longer parses is a
  // bug to see at once, not a policy to guess at.
  return historySchema.parse(stored);
}

export function policyInForce(s: BackendServices): RoutingPolicy {
  return currentPolicy(policyHistory(s), defaultRoutingPolicy);
}

/**
 * The escalation ladder this backend serves at GET /ladder and enforces on every item: the
 * one ladder passed to every rule that reads authority, so what the UI previews is what the
 * backend decides.
 */
export const ladderInForce: Ladder = defaultLadder;

export function appendPolicyChange(s: BackendServices, change: PolicyChange): void {
  s.world.putSetting(POLICY_CHANGES_KEY, [...policyHistory(s), change]);
}

/**
 * The last week's routed items, oldest first, as the what-if replays them: the AI's own sends
 * and every item it handed to a person, decided or still open. The same items as the lead
 * dashboard's review rate over seven days, so a preview's "now" is the dashboard's figure.
 */
export function recentTraffic(s: BackendServices): TrafficItem[] {
  const from = s.clock() - RECENT_TRAFFIC_MS;
  const items: Handoff[] = [];
  for (const h of s.world.handoffs.values()) {
    if (isRoutedTraffic(h) && Date.parse(h.createdAt) >= from) items.push(h);
  }
  items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return items.map((h) => trafficItemFromHandoff(h));
}
