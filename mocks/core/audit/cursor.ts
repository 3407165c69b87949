import type { LogKey } from '../event-log';

/*
 * Keyset cursors for the audit log: the last entry's (time, kind, number). The next page is
 * everything strictly older, so entries that arrive while someone pages never shift a page.
 * Item events sort before policy changes of the same millisecond.
 */

export interface EntryKey {
  t: number;
  /**
   * 0 for an item event (s: its commit number), 1 for a policy change (s: its version), 2 for
   * a team change's entry (s: its version × 1000 + its place in the change), 3 for an access
   * change (s: its number).
   */
  r: 0 | 1 | 2 | 3;
  s: number;
}

export class InvalidAuditCursorError extends Error {}

export const eventKey = (k: LogKey): EntryKey => ({ t: k.t, r: 0, s: k.seq });

export function compareKeys(a: EntryKey, b: EntryKey): number {
  return a.t - b.t || a.r - b.r || a.s - b.s;
}

export const encodeCursor = (k: EntryKey) => btoa(JSON.stringify([k.t, k.r, k.s]));

export function decodeCursor(raw: string): EntryKey {
  try {
    const value: unknown = JSON.parse(atob(raw));
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      value.every((n) => Number.isSafeInteger(n)) &&
      (value[1] === 0 || value[1] === 1 || value[1] === 2 || value[1] === 3)
    ) {
      return { t: value[0], r: value[1], s: value[2] };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new InvalidAuditCursorError('The cursor is not one this server issued.');
}
