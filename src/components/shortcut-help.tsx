import { lazy, Suspense, useState } from 'react';
import { useShortcuts } from '../hooks/use-shortcuts';

/*
 * The dialog and its focus-trapping primitives are only needed once someone opens the list,
 * so they load then rather than with the first screen.
 */
const ShortcutDialog = lazy(() =>
  import('./shortcut-dialog').then((m) => ({ default: m.ShortcutDialog })),
);

export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const show = () => {
    setWanted(true);
    setOpen(true);
  };
  useShortcuts([{ key: '?', handler: show, label: 'Show every keyboard shortcut' }]);
  return (
    <>
      <button type="button" className="button" onClick={show} aria-keyshortcuts="?">
        Shortcuts
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <ShortcutDialog open={open} onOpenChange={setOpen} />
        </Suspense>
      )}
    </>
  );
}
