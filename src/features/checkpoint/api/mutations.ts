import { mutationOptions, type QueryKey } from '@tanstack/react-query';
import type { ProposedAction } from '../../../api/action-schemas';
import type { ApiClient } from '../../../api/client';
import type {
  DecisionRequest,
  InitiationRequest,
  PauseRequest,
  ReassignRequest,
} from '../../../api/handoff-schemas';
import type { RerouteRequest } from '../../../api/team-schemas';
import { apiOf } from '../../../lib/api-context';
import { handoffQueries } from '../../../lib/handoff-queries';

/*
 * Writes on one handoff. Each takes the idempotency key of the user intent it serves, so a
 * retry of the same intent reuses it. What each makes stale is declared in `meta.invalidates`
 * and acted on once, in the app's MutationCache.
 */

const eventsKey = (id: string) => handoffQueries.eventsOf(id).queryKey;
const detailKey = (id: string) => handoffQueries.detail(id).queryKey;

type Keyed<B> = { body: B; key: string };
type VersionKey = { version: number; key: string };

/**
 * A write on one item. It moves the item, so the lists and the item's trail go stale; a
 * decision also replaces the item itself.
 */
function itemWrite<V, R>(
  verb: string,
  send: (api: ApiClient, id: string, vars: V) => Promise<R>,
  alsoStale: (id: string) => QueryKey[] = () => [],
) {
  return (id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', verb, id] as const,
      mutationFn: (vars: V, { client }) => send(apiOf(client), id, vars),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id), ...alsoStale(id)] },
    });
}

export const checkpointMutations = {
  claim: itemWrite('claim', (api, id, { version, key }: VersionKey) =>
    api.claimHandoff({ params: { id }, body: { version }, idempotencyKey: key }),
  ),
  release: itemWrite('release', (api, id, { version, key }: VersionKey) =>
    api.releaseHandoff({ params: { id }, body: { version }, idempotencyKey: key }),
  ),
  // A save may claim the item, which the queue shows.
  saveDraft: itemWrite(
    'draft',
    (
      api,
      id,
      { text, actions, version, key }: VersionKey & { text: string; actions?: ProposedAction[] },
    ) =>
      api.saveDraft({
        params: { id },
        body: { text, version, ...(actions ? { actions } : {}) },
        idempotencyKey: key,
      }),
  ),
  decide: itemWrite(
    'decide',
    (api, id, { body, key }: Keyed<DecisionRequest>) =>
      api.decideHandoff({ params: { id }, body, idempotencyKey: key }),
    (id) => [detailKey(id)],
  ),

  // Another team takes the item: its detail and the team counts change.
  reroute: itemWrite(
    'reroute',
    (api, id, { body, key }: Keyed<RerouteRequest>) =>
      api.rerouteHandoff({ params: { id }, body, idempotencyKey: key }),
    (id) => [detailKey(id), ['dashboard']],
  ),

  /* Override and recovery. */
  pause: itemWrite('pause', (api, id, { body, key }: Keyed<PauseRequest>) =>
    api.pauseHandoff({ params: { id }, body, idempotencyKey: key }),
  ),
  takeOver: itemWrite('take-over', (api, id, { version, key }: VersionKey) =>
    api.takeOverHandoff({ params: { id }, body: { version }, idempotencyKey: key }),
  ),
  retry: itemWrite('retry', (api, id, { version, key }: VersionKey) =>
    api.retryHandoff({ params: { id }, body: { version }, idempotencyKey: key }),
  ),
  reassign: itemWrite('reassign', (api, id, { body, key }: Keyed<ReassignRequest>) =>
    api.reassignHandoff({ params: { id }, body, idempotencyKey: key }),
  ),

  /** Hands the AI a task; the new item appears in the lists. */
  initiate: () =>
    mutationOptions({
      mutationKey: ['handoffs', 'initiate'] as const,
      mutationFn: ({ body, key }: { body: InitiationRequest; key: string }, { client }) =>
        apiOf(client).initiateHandoff({ body, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists()] },
    }),
};
