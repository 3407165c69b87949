import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../../api/errors';
import { useOpenNext } from '../../../hooks/use-open-next';

/** A decision went through; opening the next item may still be under way or have failed. */
export interface Decided {
  message: string;
  nextKey: string;
  error: unknown;
}

/**
 * After a decision, the next item opens with the confirmation on it; with nothing left at the
 * reviewer's level, the queue does. A failure stays on screen with a retry under the same key.
 */
export function useNextAfterDecision() {
  const { open } = useOpenNext();
  const navigate = useNavigate();
  const [decided, setDecided] = useState<Decided | null>(null);

  const openNext = async (message: string, key: string) => {
    setDecided({ message, nextKey: key, error: null });
    try {
      await open(key, (next) => `${message} Next up: ticket #${next.ticket.number}.`);
    } catch (error) {
      if (error instanceof ApiError && error.problem?.code === 'queue_empty') {
        await navigate({
          to: '/queue',
          state: (prev) => ({ ...prev, flash: `${message} Nothing left to claim at your level.` }),
        });
        return;
      }
      setDecided({ message, nextKey: key, error });
    }
  };

  return {
    decided,
    openNext,
    retryOpenNext: (d: Decided) => void openNext(d.message, d.nextKey),
  };
}
