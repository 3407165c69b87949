import { create } from 'zustand';
import type { HandoffChangedEvent } from '../api/handoff-schemas';

/**
 * Whether the change stream is open. `live`: changes arrive as they happen; `connecting`:
 * the first attempt is under way; `polling`: the stream is down and screens fall back to
 * polling while it reconnects.
 */
export type LiveStatus = 'live' | 'connecting' | 'polling';

interface LiveState {
  status: LiveStatus;
  /** The latest change heard on the stream, for screens that tell the reviewer about it. */
  lastChange: HandoffChangedEvent | null;
}

export const useLiveStore = create<LiveState>()(() => ({
  status: 'connecting',
  lastChange: null,
}));
