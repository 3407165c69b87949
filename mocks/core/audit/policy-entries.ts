import type { AuditEntry } from '../../../src/api/audit-schemas';
import type { FlagRule } from '../../../src/api/handoff-schemas';
import { type PolicyChange, policyChangeSchema } from '../../../src/api/policy-change-schemas';
import { describeChange } from '../../../src/domain/policy-history';
import { cachedEntries, newestFirst, parsedRecords } from './cached-entries';

/*
 * Routing-policy changes as audit log entries. The policy store keeps its history as one
 * setting (`policy.changes`, oldest first); the log reads it and caches the entries per
 * stored array, so a page costs nothing until the history changes.
 */

export const POLICY_CHANGES_SETTING = 'policy.changes';

export type PolicyEntry = Extract<AuditEntry, { kind: 'policy' }>;

export function toPolicyEntry(change: PolicyChange): PolicyEntry {
  const changes = describeChange(change.before, change.after);
  const rules = change.after.rules.rules
    .filter((rule) => {
      const old = change.before.rules.rules.find((r) => r.id === rule.id);
      return !old || old.version !== rule.version;
    })
    .map((r) => r.id as FlagRule);
  const rollback = change.kind === 'rollback';
  const from = change.before.version;
  const to = change.after.version;
  return {
    kind: 'policy',
    id: change.id,
    at: change.at,
    actor: change.by,
    action: rollback ? 'policy_rolled_back' : 'policy_changed',
    why: { reason: change.reason, rule: rules.length === 1 ? rules[0]! : null, confidence: null },
    outcome: rollback
      ? `Routing policy rolled back (v${from} → v${to}): ${changes.length} setting(s) restored`
      : `Routing policy changed (v${from} → v${to}): ${changes.length} setting(s)`,
    version: to,
    previousVersion: from,
    changes,
    rules,
  };
}

/**
 * Policy entries, newest first, with their log keys. The history is another module's setting:
 * a change that does not parse is left out rather than breaking the whole log.
 */
export const policyEntries = cachedEntries<PolicyEntry>((stored) =>
  parsedRecords(stored, policyChangeSchema)
    .map((change) => ({
      key: { t: Date.parse(change.at), r: 1 as const, s: change.after.version },
      entry: toPolicyEntry(change),
    }))
    .sort(newestFirst),
);
