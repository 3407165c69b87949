import type { AgentKey } from '../../../src/api/agent-schemas';
import { type AuditEntry, auditEntrySchema } from '../../../src/api/audit-schemas';
import type { Actor } from '../../../src/api/handoff-schemas';
import type { BackendServices } from '../services';
import { cachedEntries } from './cached-entries';

/*
 * Changes to who may call the API as an agent, as audit log entries: kept in their own setting,
 * appended as they happen (a revoked key's record shows only its last state, and the log must
 * keep both moments), and cached per stored array like the policy's and the teams'.
 */

export const ACCESS_CHANGES_SETTING = 'access.changes';

export type AccessEntry = Extract<AuditEntry, { kind: 'access' }>;

const stored = (s: Pick<BackendServices, 'world'>): unknown[] => {
  const value = s.world.setting<unknown>(ACCESS_CHANGES_SETTING);
  return Array.isArray(value) ? value : [];
};

type AccessAction = AccessEntry['action'];

/** Appends one access change to the log, as the `n`-th of this world. */
function appendAccessEntry(
  s: Pick<BackendServices, 'world' | 'now'>,
  entry: Omit<AccessEntry, 'kind' | 'id' | 'at' | 'why'>,
) {
  const earlier = stored(s);
  const full: AccessEntry = {
    kind: 'access',
    id: `access-${earlier.length + 1}`,
    at: s.now(),
    why: { reason: null, rule: null, confidence: null },
    ...entry,
  };
  s.world.putSetting(ACCESS_CHANGES_SETTING, [...earlier, full]);
}

/** Who registers the keys given at start (`--agent-key`): the server, for its operator. */
export const SERVER_START_ACTOR: Actor = {
  type: 'system',
  id: 'server-start',
  name: 'Server start',
};

/**
 * Records that `actor` issued or revoked `key`; the entry names the key, never its secret.
 * A key given at start is issued by SERVER_START_ACTOR.
 */
export function recordKeyChange(
  s: Pick<BackendServices, 'world' | 'now'>,
  actor: Actor,
  action: Extract<AccessAction, `agent_key_${string}`>,
  key: Pick<AgentKey, 'id' | 'name' | 'hint'>,
) {
  const verb = action === 'agent_key_issued' ? 'Issued' : 'Revoked';
  const atStart = actor.id === SERVER_START_ACTOR.id ? ' at start' : '';
  appendAccessEntry(s, {
    actor,
    action,
    outcome: `${verb} the agent key of ${key.name}${atStart}`,
    changes: [`Key ${key.hint}… (${key.id})`],
    agentName: key.name,
  });
}

/** A webhook URL as the log shows it: without credentials or query, which may hold secrets. */
export function shownWebhookUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '(unreadable URL)';
  }
}

/**
 * Records that `actor` registered, deleted or rotated the secret of a webhook endpoint: its URL
 * (without credentials or query) and events, never its signing secret.
 */
export function recordWebhookChange(
  s: Pick<BackendServices, 'world' | 'now'>,
  actor: Actor,
  action: Extract<AccessAction, `webhook_${string}`>,
  endpoint: { id: string; url: string; events: readonly string[]; agentName: string | null },
) {
  const url = shownWebhookUrl(endpoint.url);
  const outcome = {
    webhook_created: `Added the webhook endpoint ${url}`,
    webhook_deleted: `Deleted the webhook endpoint ${url}`,
    webhook_secret_rotated: `Rotated the signing secret of the webhook endpoint ${url}`,
  }[action];
  appendAccessEntry(s, {
    actor,
    action,
    outcome,
    changes: [`Endpoint ${endpoint.id}`, `Events: ${endpoint.events.join(', ')}`],
    agentName: endpoint.agentName,
  });
}

/** Access entries, newest first, with their log keys; one that does not parse is left out. */
export const accessEntries = cachedEntries<AccessEntry>((stored) =>
  stored
    .flatMap((raw, n) => {
      const parsed = auditEntrySchema.safeParse(raw);
      return parsed.success && parsed.data.kind === 'access'
        ? [{ key: { t: Date.parse(parsed.data.at), r: 3 as const, s: n + 1 }, entry: parsed.data }]
        : [];
    })
    .reverse(),
);
