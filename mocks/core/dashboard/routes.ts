import type { Dashboard } from '../../../src/api/dashboard-schemas';
import { reviewerAgreement } from '../../../src/domain/double-review';
import { computeDashboard } from '../../../src/domain/metrics/dashboard';
import { type ItemFacts, itemFacts } from '../../../src/domain/metrics/facts';
import { reviewPairs } from '../post-hoc/store';
import { ok, on } from '../route-kit';
import type { BackendServices, RouteGroup } from '../services';
import { teamsInForce } from '../teams/store';
import type { World } from '../world';

/*
 * GET /dashboard?window=24h: the lead dashboard's figures, computed by the domain's metrics
 * from the world's items and audit trails. A lead's screen refetches on every change, so:
 * - the result is cached per world, revision, window and minute (the clock moves SLA states
 *   and the depth chart's last point; a minute is the charts' resolution);
 * - each item's facts are kept until the item (a new object on every write) or its trail
 *   changes, so a write costs one item's facts, not a re-read of 100,000 trails.
 */

const emptyEvents: never[] = [];

class FactsCache {
  private byItem = new WeakMap<object, { events: number; facts: ItemFacts }>();
  private last: { world: World; revision: number; facts: ItemFacts[] } | null = null;

  of(world: World): ItemFacts[] {
    const last = this.last;
    if (last?.world === world && last.revision === world.revision) return last.facts;
    const out: ItemFacts[] = [];
    for (const handoff of world.handoffs.values()) {
      const events = world.events.get(handoff.id) ?? emptyEvents;
      const kept = this.byItem.get(handoff);
      if (kept && kept.events === events.length) {
        out.push(kept.facts);
        continue;
      }
      const facts = itemFacts({ handoff, events });
      this.byItem.set(handoff, { events: events.length, facts });
      out.push(facts);
    }
    this.last = { world, revision: world.revision, facts: out };
    return out;
  }
}

export const dashboardRoutes: RouteGroup = (s: BackendServices) => {
  const facts = new FactsCache();
  let cache: { world: World; key: string; value: Dashboard } | null = null;
  return [
    on('getDashboard', ({ query: { window } }) => {
      const now = s.clock();
      const world = s.world;
      // Within a minute and a revision nothing new happened: the figures of a moment ago hold.
      const key = `${world.revision} ${window} ${Math.floor(now / 60_000)}`;
      if (cache?.world !== world || cache.key !== key)
        cache = {
          world,
          key,
          value: {
            ...computeDashboard(facts.of(world), window, now, teamsInForce(s).teams),
            agreement: reviewerAgreement(reviewPairs(s)),
          },
        };
      return ok(cache.value);
    }),
  ];
};
