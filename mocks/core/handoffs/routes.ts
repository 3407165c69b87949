import {
  claimRequestSchema,
  type Decision,
  decisionRequestSchema,
  type Handoff,
  type HandoffListParams,
  saveDraftRequestSchema,
  type User,
} from '../../../src/api/handoff-schemas';
import { makeProblem } from '../../../src/api/problem';
import { actionChanges } from '../../../src/domain/actions';
import { checkTransition } from '../../../src/domain/decisions';
import { hasAuthorityOver, levelLabels } from '../../../src/domain/levels';
import { claimableStatuses, isOpen, statusLabels } from '../../../src/domain/lifecycle';
import { mayClaimForTeam, teamClaimRules } from '../../../src/domain/team-claims';
import { teamsOf } from '../../../src/domain/teams';
import type { ApiReply } from '../http-types';
import { refuseTeamClaim, refuseWrite } from '../item-write';
import { HandoffLister } from '../list';
import { notFound, ok, on, personOf, problemReply, type Route, withItem } from '../route-kit';
import type { BackendServices, RouteGroup } from '../services';
import { teamsInForce } from '../teams/store';
import type { World } from '../world';
import { applyDecision } from './decide';

/*
 * The checkpoint's core endpoints: who is acting, the queue, one item and its trail, ownership
 * (claim, release, claim-next), autosaved drafts, decisions, and restoring the demo world.
 */

export const handoffRoutes: RouteGroup = (s): Route[] => {
  // The lister caches by world revision and item version; a reset world starts both over.
  let lister: { world: World; lister: HandoffLister } | null = null;
  const listerOf = (world: World) => {
    if (lister?.world !== world) lister = { world, lister: new HandoffLister() };
    return lister.lister;
  };
  const withHandoff = (id: string, run: (h: Handoff) => ApiReply): ApiReply => {
    const h = s.world.handoffs.get(id);
    return h ? run(h) : notFound(id);
  };
  return [
    on('getMe', ({ user }) => ok(user)),
    on('listUsers', () => ok({ items: [...s.world.users.values()] })),
    on('listHandoffs', ({ user, query }) =>
      ok(listerOf(s.world).list(s.world, withMyTeams(s, query, user), user, s.clock())),
    ),
    on('claimNextHandoff', ({ user }) => claimNext(s, listerOf(s.world), user)),
    on('getHandoff', ({ params: { id } }) => withHandoff(id, (h) => ok(h))),
    on('listHandoffEvents', ({ params: { id } }) =>
      withHandoff(id, (h) => ok({ items: s.world.events.get(h.id) ?? [] })),
    ),
    on('claimHandoff', ({ user, json, params: { id } }) => claim(s, user, json, id)),
    on('releaseHandoff', ({ user, json, params: { id } }) => release(s, user, json, id)),
    on('saveDraft', ({ user, json, params: { id } }) => saveDraft(s, user, json, id)),
    on('decideHandoff', ({ user, json, params: { id } }) =>
      withItem<Decision>(s, decisionRequestSchema, json, id, (body, h) =>
        applyDecision(s, user, body, h),
      ),
    ),
    on('resetDemo', async () => {
      if (s.options.allowReset === false) {
        return problemReply(
          makeProblem('forbidden', 'Resetting the world is disabled on this server.'),
        );
      }
      await s.reset();
      return { status: 204 };
    }),
  ];
};

function claimNext(s: BackendServices, lister: HandoffLister, user: User): ApiReply {
  const { teams } = teamsInForce(s);
  const mine = new Set(teamsOf({ teams }, user.id).map((t) => t.id));
  // Work escalated inside a team is offered to its members only (or to anyone, once nobody
  // there can take it).
  const ruleOf = teamClaimRules(teams, [...s.world.users.values()]);
  const id = lister.nextClaimable(
    s.world,
    s.clock(),
    (h) =>
      claimableStatuses.includes(h.status) &&
      !h.assignee &&
      hasAuthorityOver(user.level, h.level) &&
      // The row has no escalation record; the item has.
      mayClaimForTeam(
        ruleOf(s.world.handoffs.get(h.id) ?? { ...h, escalation: null }),
        user,
        teams,
      ),
    // Work routed to the claimer's own level (escalations to them) comes first, since nobody
    // below can take it; within a level, work for the claimer's teams comes before the rest.
    (h) => (h.level === user.level ? 2 : 0) + (h.team !== null && mine.has(h.team.teamId) ? 1 : 0),
    3,
  );
  const best = id ? s.world.handoffs.get(id) : undefined;
  if (!best) {
    return problemReply(
      makeProblem(
        'queue_empty',
        `No unclaimed items within the authority of ${levelLabels[user.level]} that you may take: a team's items go to its own members.`,
      ),
    );
  }
  const next = s.move(best, 'claim', { assignee: { id: user.id, name: user.name } });
  s.record(next, personOf(user), 'claimed', `Claimed by ${user.name} (next by priority)`);
  return ok(next);
}

function claim(s: BackendServices, user: User, json: unknown, id: string): ApiReply {
  return withItem(s, claimRequestSchema, json, id, (body, h) => {
    // The holder claiming again repeats what is already true, but still against the version
    // they saw: a stale one has missed a change.
    const held = h.status === 'claimed' && h.assignee?.id === user.id;
    const refused = refuseWrite(s, h, user, {
      version: body.version,
      ...(held ? {} : { authority: 'claim', event: 'claim' }),
    });
    if (refused) return refused;
    if (held) return ok(h);
    const next = s.move(h, 'claim', { assignee: { id: user.id, name: user.name } });
    s.record(next, personOf(user), 'claimed', `Claimed by ${user.name}`);
    return ok(next);
  });
}

function release(s: BackendServices, user: User, json: unknown, id: string): ApiReply {
  return withItem(s, claimRequestSchema, json, id, (body, h) => {
    const refused = refuseWrite(s, h, user, { version: body.version, event: 'release' });
    if (refused) return refused;
    const next = s.move(h, 'release', { assignee: null });
    s.record(next, personOf(user), 'released', `Released by ${user.name}; back in the queue`);
    return ok(next);
  });
}

function saveDraft(s: BackendServices, user: User, json: unknown, id: string): ApiReply {
  return withItem(s, saveDraftRequestSchema, json, id, (body, stored) => {
    let h = stored;
    const refused = refuseWrite(s, h, user, { version: body.version, authority: 'edit' });
    if (refused) return refused;
    // A decided item's outcome is final: a late autosave must not leave a draft on it.
    if (!isOpen(h.status)) {
      return problemReply(
        makeProblem(
          'illegal_transition',
          `A ${statusLabels[h.status].toLowerCase()} item can no longer be edited.`,
          { current: h },
        ),
      );
    }
    if (!h.assignee) {
      // Starting to edit takes ownership, so two people never edit one item unknowingly.
      const claimRefused = checkTransition(h, 'claim');
      if (claimRefused) return problemReply(claimRefused);
      const outsider = refuseTeamClaim(s, user, h);
      if (outsider) return outsider;
      h = s.move(h, 'claim', { assignee: { id: user.id, name: user.name } });
      s.record(h, personOf(user), 'claimed', `Claimed by ${user.name} on starting an edit`);
    }
    const next: Handoff = {
      ...h,
      workingDraft: {
        text: body.text,
        // Omitted actions keep the edit saved before, so a text-only autosave never undoes one.
        ...((body.actions ?? h.workingDraft?.actions)
          ? { actions: body.actions ?? h.workingDraft?.actions }
          : {}),
        savedAt: s.now(),
        by: { id: user.id, name: user.name },
      },
      updatedAt: s.now(),
    };
    s.world.putHandoff(next);
    const last = s.world.events.get(id)?.at(-1);
    // Autosave fires every few seconds; one audit entry per editing session is enough.
    if (!(last?.action === 'draft_saved' && last.actor.id === user.id)) {
      s.record(next, personOf(user), 'draft_saved', `${user.name} started editing the draft`);
    }
    const before = h.workingDraft?.actions ?? h.drafts.at(-1)!.actions;
    const changes = body.actions ? actionChanges(before, body.actions) : [];
    if (changes.length > 0) {
      s.record(next, personOf(user), 'draft_saved', `${user.name} edited the proposed actions`, {
        diff: `Actions changed:\n${changes.map((c) => `  ${c}`).join('\n')}\n`,
      });
    }
    return ok(next);
  });
}

/** "My teams" as the teams' ids, so the lister filters by team like any other filter. */
function withMyTeams(s: BackendServices, query: HandoffListParams, user: User): HandoffListParams {
  if (!query.myTeams) return query;
  const { myTeams: _, ...rest } = query;
  const mine = teamsOf(teamsInForce(s), user.id).map((t) => t.id);
  const team = rest.team?.length ? rest.team.filter((id) => mine.includes(id)) : mine;
  // Nobody's team matches an id no team can have: a person in no team sees nothing here.
  return { ...rest, team: team.length > 0 ? team : [' none'] };
}
