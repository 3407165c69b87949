import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type { CreateAgentKeyRequest } from '../../../api/agent-schemas';
import { apiOf } from '../../../lib/api-context';
import { newIdempotencyKey } from '../../../lib/idempotency';

/** Agent API keys, for leads: issued with their secret once, revoked for good. */
export const agentQueries = {
  all: () => ['agents'] as const,
  keys: () =>
    queryOptions({
      queryKey: [...agentQueries.all(), 'keys'] as const,
      queryFn: ({ client }) => apiOf(client).listAgentKeys(),
    }),
};

export const agentMutations = {
  createKey: () =>
    mutationOptions({
      mutationKey: [...agentQueries.all(), 'create-key'] as const,
      mutationFn: (body: CreateAgentKeyRequest, { client }) =>
        apiOf(client).createAgentKey({ body, idempotencyKey: newIdempotencyKey() }),
      meta: { invalidates: [agentQueries.all()] },
    }),
  revokeKey: () =>
    mutationOptions({
      mutationKey: [...agentQueries.all(), 'revoke-key'] as const,
      mutationFn: (id: string, { client }) =>
        apiOf(client).revokeAgentKey({ params: { id }, idempotencyKey: newIdempotencyKey() }),
      meta: { invalidates: [agentQueries.all()] },
    }),
};
