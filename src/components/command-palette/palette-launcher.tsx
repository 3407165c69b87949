import { useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useState } from 'react';
import { activeShortcutActions, shortcutLabel, useShortcuts } from '../../hooks/use-shortcuts';
import { useTheme } from '../../hooks/use-theme';
import { useApi } from '../../lib/api-context';
import { usePreferencesStore } from '../../stores/preferences-store';
import { mainScreens, type ScreensShown } from '../screens';
import type { PaletteCommand } from './command-palette';

/*
 * The palette (cmdk and its list) loads the first time someone opens it, so the first screen
 * carries only this button and its shortcut.
 */
const CommandPalette = lazy(() =>
  import('./command-palette').then((m) => ({ default: m.CommandPalette })),
);

// The palette's own shortcut and those the palette lists under Preferences.
const NOT_LISTED = new Set(['mod+k', 'alt+t']);

/** The palette offers every screen the navigation shows this person. */
export function PaletteLauncher({ shown }: { shown: ScreensShown }) {
  const demo = shown.isDemo;
  const navigate = useNavigate();
  const api = useApi();
  const recent = usePreferencesStore((s) => s.recent);
  const setTourDone = usePreferencesStore((s) => s.setTourDone);
  const { theme, choice, setTheme, toggle } = useTheme();
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  // What the screen offers, read as the palette opens.
  const [actions, setActions] = useState<PaletteCommand[]>([]);
  const show = () => {
    if (!open) {
      setActions(
        activeShortcutActions()
          .filter((a) => !NOT_LISTED.has(a.key))
          .map((a) => ({
            id: `action ${a.key}`,
            label: a.label,
            shortcut: shortcutLabel(a.key),
            run: a.run,
          })),
      );
    }
    setWanted(true);
    setOpen(!open);
  };
  useShortcuts([{ key: 'mod+k', handler: show, inFields: true }]);

  const screens: PaletteCommand[] = mainScreens(shown).map((s) => ({
    id: `screen ${s.label}`,
    label: s.label,
    keywords: ['go to'],
    run: () => void navigate({ to: s.to }),
  }));
  const preferences: PaletteCommand[] = [
    {
      id: 'theme',
      label: theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme',
      keywords: ['theme', 'dark', 'light'],
      shortcut: 'Alt+T',
      run: toggle,
    },
    ...(choice === 'system'
      ? []
      : [
          {
            id: 'theme system',
            label: 'Follow the system’s theme',
            keywords: ['theme', 'dark', 'light'],
            run: () => setTheme('system'),
          },
        ]),
    ...(demo
      ? [
          {
            id: 'tour',
            label: 'Show the guided tour',
            keywords: ['help'],
            run: () => setTourDone(false),
          },
        ]
      : []),
  ];
  const openItem = useCallback(
    (id: string) => void navigate({ to: '/handoffs/$handoffId', params: { handoffId: id } }),
    [navigate],
  );
  const findTickets = useCallback(
    (number: string) =>
      api.listHandoffs({ query: { q: number, limit: 8 } }).then((page) => page.items),
    [api],
  );

  return (
    <>
      <button
        type="button"
        className="button palette-button"
        onClick={show}
        aria-keyshortcuts="Control+K Meta+K"
      >
        Commands <kbd aria-hidden>Ctrl K</kbd>
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <CommandPalette
            open={open}
            onOpenChange={setOpen}
            actions={actions}
            screens={screens}
            preferences={preferences}
            recent={recent}
            openItem={openItem}
            findTickets={findTickets}
          />
        </Suspense>
      )}
    </>
  );
}
