import type { CreateAgentKeyRequest } from '../../../api/agent-schemas';
import { apiMutation, apiQuery } from '../../../lib/api-context';
import { newIdempotencyKey } from '../../../lib/idempotency';

/** Agent API keys, for leads: issued with their secret once, revoked for good. */
export const agentQueries = {
  all: () => ['agents'] as const,
  keys: () => apiQuery([...agentQueries.all(), 'keys'], (api) => api.listAgentKeys()),
};

export const agentMutations = {
  createKey: () =>
    apiMutation(
      [...agentQueries.all(), 'create-key'],
      (api, body: CreateAgentKeyRequest) =>
        api.createAgentKey({ body, idempotencyKey: newIdempotencyKey() }),
      [agentQueries.all()],
    ),
  revokeKey: () =>
    apiMutation(
      [...agentQueries.all(), 'revoke-key'],
      (api, id: string) =>
        api.revokeAgentKey({ params: { id }, idempotencyKey: newIdempotencyKey() }),
      [agentQueries.all()],
    ),
};
