import { useState } from 'react';

/**
 * The highlighted row of a short list that j / k move through: the one picked, else the first.
 * `armed` holds the row whose destructive action was pressed once; the second press runs it,
 * and moving away disarms it.
 */
export function useListSelection<T extends { id: string }>(items: readonly T[]) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [armed, setArmed] = useState<string | null>(null);
  const selected = items.find((i) => i.id === selectedId) ?? items[0] ?? null;
  return {
    selected,
    select: (id: string | null) => setSelectedId(id),
    move: (by: number) => {
      const at = selected ? items.indexOf(selected) : -1;
      const next = items[Math.min(items.length - 1, Math.max(0, at + by))];
      if (next) {
        setSelectedId(next.id);
        setArmed(null);
      }
    },
    armed,
    /** Arms the row's action without running it (a button that asks for confirmation first). */
    arm: (item: T) => {
      setSelectedId(item.id);
      setArmed(item.id);
    },
    /** First press arms, second press on the same row runs `run`. */
    pressTwice: (item: T | null, run: (item: T) => void) => {
      if (!item) return;
      if (armed !== item.id) {
        setArmed(item.id);
        return;
      }
      setArmed(null);
      run(item);
    },
  };
}
