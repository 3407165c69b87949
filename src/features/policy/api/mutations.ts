import type { PolicyChangeRequest, PolicyPatch } from '../../../api/policy-change-schemas';
import { apiMutation } from '../../../lib/api-context';
import { policyQueries } from './queries';

/*
 * Policy writes carry the idempotency key of the lead's intent (one per "Save" or "Roll back"
 * press) so a retried request never records a change twice. The what-if changes nothing,
 * so it invalidates nothing.
 */
export const policyMutations = {
  whatIf: () =>
    apiMutation(
      [...policyQueries.all(), 'what-if'],
      (api, patch: PolicyPatch) => api.previewPolicy({ body: { patch } }),
      [],
    ),

  change: () =>
    apiMutation(
      [...policyQueries.all(), 'change'],
      (api, { body, key }: { body: PolicyChangeRequest; key: string }) =>
        api.changePolicy({ body, idempotencyKey: key }),
      [policyQueries.all()],
    ),

  rollback: () =>
    apiMutation(
      [...policyQueries.all(), 'rollback'],
      (
        api,
        {
          changeId,
          version,
          reason,
          key,
        }: { changeId: string; version: number; reason: string; key: string },
      ) =>
        api.rollbackPolicy({
          params: { id: changeId },
          body: { version, reason },
          idempotencyKey: key,
        }),
      [policyQueries.all()],
    ),
};
