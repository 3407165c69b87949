import type { Dashboard } from '../../../src/api/dashboard-schemas';
import type { Handoff } from '../../../src/api/handoff-schemas';
import { reviewerAgreement } from '../../../src/domain/double-review';
import { type ItemFacts, itemFacts } from '../../../src/domain/metrics/facts';
import { LiveDashboard } from '../../../src/domain/metrics/live-dashboard';
import { reviewPairs } from '../post-hoc/store';
import { ok, on } from '../route-kit';
import type { BackendServices, RouteGroup } from '../services';
import { teamsInForce } from '../teams/store';
import type { World } from '../world';

/*
 * GET /dashboard?window=24h: the lead dashboard's figures, from the domain's metrics over the
 * world's items and audit trails. A lead's screen refetches on every change, so the figures are
 * kept up as writes arrive: each item's facts are taken once and handed to a live index, which a
 * write changes by one item's entries (see live-dashboard.ts); a read then costs binary searches
 * and a pass over the window's decisions, at the clock's time, not a re-read of 100,000 trails.
 * The answer is also cached per world, revision, window and minute.
 */

const emptyEvents: never[] = [];

class LiveFacts {
  private live: LiveDashboard | null = null;
  private world: World | null = null;
  private revision = 0;
  /** How many events each item's facts were taken from. */
  private read = new Map<string, number>();

  private factsOf(world: World, handoff: Handoff): ItemFacts {
    const events = world.events.get(handoff.id) ?? emptyEvents;
    this.read.set(handoff.id, events.length);
    return itemFacts({ handoff, events });
  }

  private fresh(world: World, handoff: Handoff): boolean {
    return (
      this.live?.current(handoff.id)?.handoff === handoff &&
      this.read.get(handoff.id) === (world.events.get(handoff.id) ?? emptyEvents).length
    );
  }

  of(world: World): LiveDashboard {
    const changed =
      this.live && this.world === world ? world.changedSince(this.revision) : undefined;
    if (!this.live || this.world !== world) {
      this.read.clear();
      const all: ItemFacts[] = [];
      for (const h of world.handoffs.values()) all.push(this.factsOf(world, h));
      this.live = LiveDashboard.of(all);
    } else if (changed === null) {
      // Further behind than the world's journal reaches: compare every item instead.
      for (const h of world.handoffs.values())
        if (!this.fresh(world, h)) this.live.put(this.factsOf(world, h));
    } else if (changed) {
      for (const id of changed) {
        const h = world.handoffs.get(id);
        if (h && !this.fresh(world, h)) this.live.put(this.factsOf(world, h));
      }
    }
    this.world = world;
    this.revision = world.revision;
    return this.live;
  }
}

export const dashboardRoutes: RouteGroup = (s: BackendServices) => {
  const facts = new LiveFacts();
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
            ...facts.of(world).figures(window, now, teamsInForce(s).teams),
            agreement: reviewerAgreement(reviewPairs(s)),
          },
        };
      return ok(cache.value);
    }),
  ];
};
