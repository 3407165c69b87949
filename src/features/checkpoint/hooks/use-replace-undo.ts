import { useEffect, useState } from 'react';

/** What a wholesale replacement of the reply took away, to put it back. */
export interface Replaced {
  message: string;
  text: string;
  selectedOptionId: string | null;
}

/** How long the offer to undo stays up: long enough to notice, short enough not to linger. */
const UNDO_MS = 20_000;

/** The one replacement that can be undone: the latest, until the reviewer types or time passes. */
export function useReplaceUndo() {
  const [last, setLast] = useState<Replaced | null>(null);

  useEffect(() => {
    if (last === null) return;
    const id = setTimeout(() => setLast(null), UNDO_MS);
    return () => clearTimeout(id);
  }, [last]);

  return {
    last,
    offer: (replaced: Replaced) => setLast(replaced),
    dismiss: () => setLast(null),
    take: () => {
      const taken = last;
      setLast(null);
      return taken;
    },
  };
}
