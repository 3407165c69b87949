import { arrivalRequestSchema } from '../../../src/api/arrival-schemas';
import {
  policyChangeRequestSchema,
  rollbackRequestSchema,
} from '../../../src/api/policy-change-schemas';
import { whatIfRequestSchema } from '../../../src/api/what-if-schemas';
import {
  applyPolicyChange,
  PolicyChangeError,
  previewPolicy,
  rollback,
} from '../../../src/domain/policy-history';
import { whatIf } from '../../../src/domain/routing';
import type { ApiReply } from '../http-types';
import { invalid, ok, on, personOf, refuse, versionedChange, withReadBody } from '../route-kit';
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
  return refuse('validation', error.message, { errors: error.errors });
}

/** Who may change it, as a refusal names it. */
const POLICY = 'the routing policy';

export const policyRoutes: RouteGroup = (s) => [
  on('getPolicy', () => ok(policyInForce(s))),

  on('getLadder', () => ok(ladderInForce)),

  on('previewPolicy', ({ req }) =>
    withReadBody(req.body, whatIfRequestSchema, ({ patch }) => {
      const baseline = policyInForce(s);
      try {
        const candidate = previewPolicy(baseline, patch);
        return ok(whatIf(recentTraffic(s), candidate, { baseline, ladder: ladderInForce }));
      } catch (error) {
        return changeRefused(error);
      }
    }),
  ),

  on('listPolicyChanges', () => ok({ items: policyHistory(s).reverse() })),

  on('changePolicy', (ctx) =>
    versionedChange(
      ctx,
      {
        what: POLICY,
        name: 'The policy',
        schema: policyChangeRequestSchema,
        current: () => policyInForce(s).version,
        advice: 'review the current policy and make the change again.',
      },
      ({ patch, reason }) => {
        try {
          const current = policyInForce(s);
          const by = personOf(ctx.user);
          const { change } = applyPolicyChange(current, patch, by, reason, s.clock());
          appendPolicyChange(s, change);
          return ok(change, 201);
        } catch (error) {
          return changeRefused(error);
        }
      },
    ),
  ),

  on('rollbackPolicy', (ctx) =>
    versionedChange(
      ctx,
      {
        what: POLICY,
        name: 'The policy',
        schema: rollbackRequestSchema,
        current: () => policyInForce(s).version,
        advice: 'review the history again before rolling back.',
      },
      ({ reason }) => {
        const changeId = ctx.params.id;
        const history = policyHistory(s);
        if (!history.some((c) => c.id === changeId)) {
          return refuse('not_found', `No policy change "${changeId}".`);
        }
        try {
          const { change } = rollback(history, changeId, personOf(ctx.user), reason, s.clock());
          appendPolicyChange(s, change);
          return ok(change, 201);
        } catch (error) {
          return changeRefused(error);
        }
      },
    ),
  ),

  on('ingestArrival', ({ user, json }) => {
    // Open to anyone where the world may be reset (demo and test servers), else leads only.
    if (s.options.allowReset === false && user.role !== 'lead') {
      return refuse('forbidden', 'Only a team lead may inject arrivals on this server.');
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
