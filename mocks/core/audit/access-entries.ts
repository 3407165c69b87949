import type { AgentKey } from '../../../src/api/agent-schemas';
import { type AuditEntry, auditEntrySchema } from '../../../src/api/audit-schemas';
import type { User } from '../../../src/api/handoff-schemas';
import { personOf } from '../route-kit';
import type { BackendServices } from '../services';
import type { EntryKey } from './cursor';

/*
 * Changes to who may call the API as an agent, as audit log entries: kept in their own setting,
 * appended as they happen (a revoked key's record shows only its last state, and the log must
 * keep both moments), and cached per stored array like the policy's and the teams'.
 */

export const ACCESS_CHANGES_SETTING = 'access.changes';

export type AccessEntry = Extract<AuditEntry, { kind: 'access' }>;
export interface KeyedAccessEntry {
  key: EntryKey;
  entry: AccessEntry;
}

const stored = (s: Pick<BackendServices, 'world'>): unknown[] => {
  const value = s.world.setting<unknown>(ACCESS_CHANGES_SETTING);
  return Array.isArray(value) ? value : [];
};

/** Records that `user` issued or revoked `key`; the entry names the key, never its secret. */
export function recordKeyChange(
  s: Pick<BackendServices, 'world' | 'now'>,
  user: User,
  action: 'agent_key_issued' | 'agent_key_revoked',
  key: Pick<AgentKey, 'id' | 'name' | 'hint'>,
) {
  const earlier = stored(s);
  const entry: AccessEntry = {
    kind: 'access',
    id: `access-${earlier.length + 1}`,
    at: s.now(),
    actor: personOf(user),
    action,
    why: { reason: null, rule: null, confidence: null },
    outcome: `${action === 'agent_key_issued' ? 'Issued' : 'Revoked'} the agent key of ${key.name}`,
    changes: [`Key ${key.hint}… (${key.id})`],
    agentName: key.name,
  };
  s.world.putSetting(ACCESS_CHANGES_SETTING, [...earlier, entry]);
}

const cache = new WeakMap<object, KeyedAccessEntry[]>();

/** Access entries, newest first, with their log keys; one that does not parse is left out. */
export function accessEntries(value: unknown): KeyedAccessEntry[] {
  if (!Array.isArray(value) || value.length === 0) return [];
  let entries = cache.get(value);
  if (!entries) {
    entries = value
      .flatMap((raw, n) => {
        const parsed = auditEntrySchema.safeParse(raw);
        return parsed.success && parsed.data.kind === 'access'
          ? [
              {
                key: { t: Date.parse(parsed.data.at), r: 3 as const, s: n + 1 },
                entry: parsed.data,
              },
            ]
          : [];
      })
      .reverse();
    cache.set(value, entries);
  }
  return entries;
}
