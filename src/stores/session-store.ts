import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Who this browser acts as. The backend decides what that person may do. */
interface SessionState {
  actorId: string;
  setActorId: (id: string) => void;
}

export const DEFAULT_ACTOR_ID = 'u-ana';

export const useSessionStore = create<SessionState>()(
  persist(
    (set) => ({
      actorId: DEFAULT_ACTOR_ID,
      setActorId: (actorId) => set({ actorId }),
    }),
    { name: 'handoff-desk.session' },
  ),
);
