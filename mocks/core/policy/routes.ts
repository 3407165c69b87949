import { arrivalRequestSchema } from '../../../src/api/arrival-schemas';
import {
  policyChangeRequestSchema,
  rollbackRequestSchema,
} from '../../../src/api/policy-change-schemas';
import { makeProblem } from '../../../src/api/problem';
import { whatIfRequestSchema } from '../../../src/api/what-if-schemas';
import {
  applyPolicyChange,
  PolicyChangeError,
  previewPolicy,
  rollback,
} from '../../../src/domain/policy-history';
import { whatIf } from '../../../src/domain/routing';
import type { ApiReply } from '../http-types';
import {
  invalid,
  ok,
  on,
  personOf,
  problemReply,
  type Route,
  readJsonBody,
  refusedEditor,
  versionMoved,
} from '../route-kit';
import type { RouteGroup } from '../services';
import { generateArrival } from './generate-arrival';
import { ingestTicket } from './ingest';
import {
  appendPolicyChange,
  ladderInForce,
  policyHistory,
  policyInForce,
  recentTraffic,
} from './store';

/*
 * The routing policy over HTTP: read it, preview an edit against recent traffic, change it
 * (leads and above, with a reason, on the version they saw), read and roll back its history;
 * the escalation ladder; and arrivals, which the policy routes.
 */

function changeRefused(error: unknown): ApiReply {
  if (!(error instanceof PolicyChangeError)) throw error;
  return problemReply(makeProblem('validation', error.message, { errors: error.errors }));
}

export const policyRoutes: RouteGroup = (s) => {
  /** The 409 for a write made on a policy version that is no longer in force, else null. */
  const policyMoved = (seen: number, then: string) => {
    const { version } = policyInForce(s);
    return seen === version ? null : versionMoved('The policy', version, seen, then);
  };
  const routes: Route[] = [
    on('getPolicy', () => ok(policyInForce(s))),

    on('getLadder', () => ok(ladderInForce)),

    on('previewPolicy', ({ req }) => {
      const read = readJsonBody(req.body);
      if (!('json' in read)) return read;
      const parsed = whatIfRequestSchema.safeParse(read.json);
      if (!parsed.success) return invalid(parsed.error);
      const baseline = policyInForce(s);
      try {
        const candidate = previewPolicy(baseline, parsed.data.patch);
        return ok(whatIf(recentTraffic(s), candidate, { baseline, ladder: ladderInForce }));
      } catch (error) {
        return changeRefused(error);
      }
    }),

    on('listPolicyChanges', () => ok({ items: policyHistory(s).reverse() })),

    on('changePolicy', ({ user, json }) => {
      const refused = refusedEditor(user, 'the routing policy');
      if (refused) return refused;
      const parsed = policyChangeRequestSchema.safeParse(json);
      if (!parsed.success) return invalid(parsed.error);
      const moved = policyMoved(
        parsed.data.version,
        'review the current policy and make the change again.',
      );
      if (moved) return moved;
      const current = policyInForce(s);
      try {
        const { patch, reason } = parsed.data;
        const { change } = applyPolicyChange(current, patch, personOf(user), reason, s.clock());
        appendPolicyChange(s, change);
        return ok(change, 201);
      } catch (error) {
        return changeRefused(error);
      }
    }),

    on('rollbackPolicy', ({ user, json, params: { id: changeId } }) => {
      const refused = refusedEditor(user, 'the routing policy');
      if (refused) return refused;
      const parsed = rollbackRequestSchema.safeParse(json);
      if (!parsed.success) return invalid(parsed.error);
      const history = policyHistory(s);
      if (!history.some((c) => c.id === changeId)) {
        return problemReply(makeProblem('not_found', `No policy change "${changeId}".`));
      }
      const moved = policyMoved(
        parsed.data.version,
        'review the history again before rolling back.',
      );
      if (moved) return moved;
      try {
        const { change } = rollback(
          history,
          changeId,
          personOf(user),
          parsed.data.reason,
          s.clock(),
        );
        appendPolicyChange(s, change);
        return ok(change, 201);
      } catch (error) {
        return changeRefused(error);
      }
    }),

    on('ingestArrival', ({ user, json }) => {
      // Open to anyone where the world may be reset (demo and test servers), else leads only.
      if (s.options.allowReset === false && user.role !== 'lead') {
        return problemReply(
          makeProblem('forbidden', 'Only a team lead may inject arrivals on this server.'),
        );
      }
      const parsed = arrivalRequestSchema.safeParse(json);
      if (!parsed.success) return invalid(parsed.error);
      const { ticket, ai, category, confidence } = parsed.data;
      const input =
        ticket && ai
          ? { ticket, ai: confidence === undefined ? ai : { ...ai, confidence } }
          : generateArrival(s, { category, confidence });
      return ok(ingestTicket(s, input), 201);
    }),
  ];
  return routes;
};
