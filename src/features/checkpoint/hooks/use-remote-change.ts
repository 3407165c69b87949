import { useEffect, useRef, useState } from 'react';
import type { HandoffChangedEvent } from '../../../api/handoff-schemas';
import { isOpen, statusLabels } from '../../../domain/lifecycle';
import { useLiveStore } from '../../../stores/live-store';

/** What someone else just did to the item, in the words the reviewer needs. */
export function describeRemoteChange(change: HandoffChangedEvent): string {
  const who = change.by?.name ?? 'Someone';
  if (change.status === 'claimed') return `${who} just claimed this item`;
  if (change.status === 'pending' && !change.assignee) return `${who} just released this item`;
  if (!isOpen(change.status) || change.status === 'escalated') {
    return `${who} just decided it: ${statusLabels[change.status]}`;
  }
  return `${who} just changed this item`;
}

/**
 * A notice for a change to the open item that someone else made on another screen, heard on
 * the change stream. Only changes that move the item past the version this screen has seen
 * count; the reviewer's own changes and repeats are ignored. Dismiss with `clear`.
 */
export function useRemoteChange(handoffId: string, version: number, actorId: string) {
  const change = useLiveStore((s) => (s.lastChange?.id === handoffId ? s.lastChange : null));
  const seen = useRef({ id: handoffId, version });
  if (seen.current.id !== handoffId) seen.current = { id: handoffId, version };
  const [notice, setNotice] = useState<{ id: string; text: string } | null>(null);

  useEffect(() => {
    if (!change || change.id !== seen.current.id || change.version <= seen.current.version) return;
    seen.current = { id: change.id, version: change.version };
    if (!change.by || change.by.id === actorId) return;
    setNotice({ id: change.id, text: describeRemoteChange(change) });
  }, [change, actorId]);

  return {
    notice: notice?.id === handoffId ? notice.text : null,
    clear: () => setNotice(null),
  };
}
