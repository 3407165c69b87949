import { mutationOptions } from '@tanstack/react-query';
import type { PolicyChangeRequest, PolicyPatch } from '../../../api/policy-change-schemas';
import { apiOf } from '../../../lib/api-context';
import { policyQueries } from './queries';

/*
 * Policy writes carry the idempotency key of the lead's intent (one per "Save" or "Roll back"
 * press) so a retried request never records a change twice. The what-if changes nothing,
 * so it invalidates nothing.
 */
export const policyMutations = {
  whatIf: () =>
    mutationOptions({
      mutationKey: [...policyQueries.all(), 'what-if'] as const,
      mutationFn: (patch: PolicyPatch, { client }) =>
        apiOf(client).previewPolicy({ body: { patch } }),
    }),

  change: () =>
    mutationOptions({
      mutationKey: [...policyQueries.all(), 'change'] as const,
      mutationFn: ({ body, key }: { body: PolicyChangeRequest; key: string }, { client }) =>
        apiOf(client).changePolicy({ body, idempotencyKey: key }),
      meta: { invalidates: [policyQueries.all()] },
    }),

  rollback: () =>
    mutationOptions({
      mutationKey: [...policyQueries.all(), 'rollback'] as const,
      mutationFn: (
        {
          changeId,
          version,
          reason,
          key,
        }: { changeId: string; version: number; reason: string; key: string },
        { client },
      ) =>
        apiOf(client).rollbackPolicy({
          params: { id: changeId },
          body: { version, reason },
          idempotencyKey: key,
        }),
      meta: { invalidates: [policyQueries.all()] },
    }),
};
