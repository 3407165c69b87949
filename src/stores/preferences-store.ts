import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** `system` follows the operating system's light or dark setting. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** A handoff opened recently, offered again by the command palette. */
export interface RecentItem {
  id: string;
  ticketNumber: number;
  subject: string;
}

const RECENT_LIMIT = 5;

/** What this browser remembers about how its person likes the desk. */
interface PreferencesState {
  theme: ThemeChoice;
  /** The guided tour of the demo was finished or dismissed. */
  tourDone: boolean;
  recent: RecentItem[];
  setTheme: (theme: ThemeChoice) => void;
  setTourDone: (done: boolean) => void;
  addRecent: (item: RecentItem) => void;
}

export const PREFERENCES_STORAGE_KEY = 'handoff-desk.preferences';

export const usePreferencesStore = create<PreferencesState>()(
  persist(
    (set) => ({
      theme: 'system',
      tourDone: false,
      recent: [],
      setTheme: (theme) => set({ theme }),
      setTourDone: (tourDone) => set({ tourDone }),
      addRecent: (item) =>
        set((s) => ({
          recent: [item, ...s.recent.filter((r) => r.id !== item.id)].slice(0, RECENT_LIMIT),
        })),
    }),
    {
      name: PREFERENCES_STORAGE_KEY,
      partialize: ({ theme, tourDone, recent }) => ({ theme, tourDone, recent }),
    },
  ),
);

const darkQuery = () =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)')
    : null;

/** The theme on screen now: the person's choice, or the system's. */
export function effectiveTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return darkQuery()?.matches ? 'dark' : 'light';
}

/**
 * Puts the chosen theme on <html> (the CSS tokens read `data-theme`; without it they follow
 * the system) and keeps it there as the choice changes. Called once, before the first render.
 */
export function applyTheme(root: HTMLElement = document.documentElement): () => void {
  const put = (choice: ThemeChoice) => {
    if (choice === 'system') delete root.dataset.theme;
    else root.dataset.theme = choice;
  };
  put(usePreferencesStore.getState().theme);
  return usePreferencesStore.subscribe((s) => put(s.theme));
}
