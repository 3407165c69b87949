import { useSyncExternalStore } from 'react';
import { effectiveTheme, usePreferencesStore } from '../stores/preferences-store';

const query = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void) {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const list = window.matchMedia(query);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

const systemDark = () =>
  typeof window.matchMedia === 'function' && window.matchMedia(query).matches;

/** The theme on screen (the person's choice, else the system's) and a way to flip it. */
export function useTheme() {
  const choice = usePreferencesStore((s) => s.theme);
  const setTheme = usePreferencesStore((s) => s.setTheme);
  // Read so the component follows the system setting while the choice is "system".
  useSyncExternalStore(subscribe, systemDark, () => false);
  const theme = effectiveTheme(choice);
  return {
    choice,
    theme,
    setTheme,
    toggle: () => setTheme(theme === 'dark' ? 'light' : 'dark'),
  };
}
