import { type Operation, operations } from '../../../src/api/operations';
import { makeProblem } from '../../../src/api/problem';
import { decodeQuery } from '../../../src/api/query-string';
import { webhookCreateSchema } from '../../../src/api/webhook-schemas';
import type { ApiReply } from '../../core/http-types';
import { isAgent, type Principal } from '../../core/principal';
import { invalid, ok, pathPattern, problemReply } from '../../core/route-kit';
import { WebhookError, type WebhookService } from './service';
import type { Owner } from './store';

/*
 * The webhook endpoints of the contract, answered by the server from its database before the
 * core sees the request. Leads manage every endpoint; an agent (by its API key) registers and
 * manages its own.
 */

export interface WebhookRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string | null;
  /** Who is acting; null when no one could be identified. */
  principal: Principal | null;
}

type Name =
  | 'listWebhooks'
  | 'createWebhook'
  | 'deleteWebhook'
  | 'rotateWebhookSecret'
  | 'listWebhookDeliveries'
  | 'resendWebhookDelivery';

const names: Name[] = [
  'listWebhooks',
  'createWebhook',
  'deleteWebhook',
  'rotateWebhookSecret',
  'listWebhookDeliveries',
  'resendWebhookDelivery',
];

function match(r: WebhookRequest): { name: Name; params: string[] } | null {
  for (const name of names) {
    const op: Operation = operations[name];
    const method = r.method === 'HEAD' ? 'GET' : r.method;
    const found = pathPattern(op).exec(r.path);
    if (found && op.method === method) {
      return { name, params: found.slice(1).map((p) => decodeURIComponent(p)) };
    }
  }
  return null;
}

const refusal = (error: unknown): ApiReply => {
  if (!(error instanceof WebhookError)) throw error;
  if (error.code === 'validation') {
    return problemReply(
      makeProblem('validation', error.message, {
        errors: [{ pointer: '/url', message: error.message }],
      }),
    );
  }
  if (error.code === 'conflict') {
    return problemReply(makeProblem('illegal_transition', error.message));
  }
  return problemReply(makeProblem('not_found', error.message));
};

/** The answer to a webhook request, or null when the request is for someone else. */
export async function answerWebhooks(
  service: WebhookService,
  r: WebhookRequest,
): Promise<ApiReply | null> {
  if (!r.path.startsWith(operations.listWebhooks.path)) return null;
  const found = match(r);
  if (!found) return null;
  if (!r.principal) {
    return problemReply(makeProblem('unauthenticated', 'Sign in to continue.'));
  }
  const principal = r.principal;
  if (!isAgent(principal) && principal.role !== 'lead') {
    return problemReply(makeProblem('forbidden', 'Only leads manage webhooks.'));
  }
  const owner: Owner = isAgent(principal)
    ? { id: `agent:${principal.name}`, name: principal.name, kind: 'agent' }
    : { id: principal.id, name: principal.name, kind: 'person' };
  const [id = '', deliveryId = ''] = found.params;
  try {
    // An agent sees only its own endpoints: another's is as good as not there.
    if (id && owner.kind === 'agent' && service.owner(id) !== owner.id) {
      return problemReply(makeProblem('not_found', `No webhook endpoint with id "${id}".`));
    }
    switch (found.name) {
      case 'listWebhooks':
        return ok({ items: service.list(owner) });
      case 'createWebhook': {
        let json: unknown = {};
        try {
          json = r.body ? JSON.parse(r.body) : {};
        } catch {
          return problemReply(makeProblem('bad_request', 'The request body is not valid JSON.'));
        }
        const parsed = webhookCreateSchema.safeParse(json);
        if (!parsed.success) return invalid(parsed.error);
        return ok(await service.create(owner, parsed.data), 201);
      }
      case 'deleteWebhook':
        service.remove(id);
        return { status: 204 };
      case 'rotateWebhookSecret':
        return ok(service.rotate(id));
      case 'listWebhookDeliveries': {
        const query = decodeQuery(operations.listWebhookDeliveries.query, r.query);
        if (!query.success) return invalid(query.error);
        return ok({ items: service.deliveries(id, query.data.limit) });
      }
      case 'resendWebhookDelivery':
        return ok(service.resend(id, deliveryId));
    }
  } catch (error) {
    return refusal(error);
  }
}
