import { type RefObject, useEffect } from 'react';

/**
 * Gives `ref` focus once, when the screen arrives, unless something already holds it (a dialog,
 * a field the person reached first). Without it a navigation leaves focus on <body>: nothing is
 * visibly focused and Tab starts again from the top of the page.
 */
export function useArrivalFocus(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    ref.current?.focus();
  }, [ref]);
}
