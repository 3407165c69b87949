import { useRouterState } from '@tanstack/react-router';
import { useState } from 'react';

/*
 * A one-line confirmation carried to the next screen in the history entry's state (not the
 * URL: it is not shareable view state), e.g. "Rejected ticket #4521 … Next up: #4522."
 */
declare module '@tanstack/history' {
  interface HistoryState {
    flash?: string;
  }
}

export function FlashNotice() {
  const flash = useRouterState({ select: (s) => s.location.state.flash });
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!flash || dismissed === flash) return null;
  return (
    <div className="notice notice-ok flash" role="status">
      <span>{flash}</span>
      <button type="button" className="button flash-close" onClick={() => setDismissed(flash)}>
        Dismiss
      </button>
    </div>
  );
}
