import type { AuditEntry } from '../../../src/api/audit-schemas';
import { teamChangeSchema } from '../../../src/api/team-schemas';
import { describeTeamChange } from '../../../src/domain/team-history';
import type { EntryKey } from './cursor';

/*
 * Team changes as audit log entries: one per team created, changed or deleted and one for the
 * routing rules, read from the teams' history setting and cached per stored array like the
 * policy's, so a page costs nothing until the teams change.
 */

export const TEAM_CHANGES_SETTING = 'teams.changes';

export type TeamEntry = Extract<AuditEntry, { kind: 'teams' }>;
export interface KeyedTeamEntry {
  key: EntryKey;
  entry: TeamEntry;
}

/** Room for every entry one change can make (50 teams created, 50 deleted, the rules). */
const PER_CHANGE = 1000;

const cache = new WeakMap<object, KeyedTeamEntry[]>();

/** Team entries, newest first, with their log keys; a change that does not parse is left out. */
export function teamEntries(stored: unknown): KeyedTeamEntry[] {
  if (!Array.isArray(stored) || stored.length === 0) return [];
  let entries = cache.get(stored);
  if (!entries) {
    entries = stored
      .flatMap((raw) => {
        const parsed = teamChangeSchema.safeParse(raw);
        return parsed.success ? [parsed.data] : [];
      })
      .flatMap((change) =>
        describeTeamChange(change.before, change.after).map((line, n) => ({
          key: {
            t: Date.parse(change.at),
            r: 2 as const,
            s: change.after.version * PER_CHANGE + n,
          },
          entry: {
            kind: 'teams' as const,
            id: `${change.id}-${n + 1}`,
            at: change.at,
            actor: change.by,
            action: line.action,
            why: { reason: change.reason, rule: null, confidence: null },
            outcome: line.outcome,
            version: change.after.version,
            previousVersion: change.before.version,
            changes: line.changes,
            teamId: line.teamId,
          },
        })),
      )
      .sort((a, b) => b.key.t - a.key.t || b.key.s - a.key.s);
    cache.set(stored, entries);
  }
  return entries;
}
