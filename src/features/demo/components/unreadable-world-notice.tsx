import { useId, useState } from 'react';
import { downloadFile } from '../../../lib/download';
import './demo.css';

interface UnreadableWorldNoticeProps {
  /** Why the saved world cannot be read, naming its version and this build's. */
  message: string;
  /** The saved world as stored, as JSON text. */
  exportWorld: () => Promise<string>;
  /** Discards the saved world and starts the demo afresh. */
  reset: () => Promise<void>;
}

/**
 * Shown instead of the app when the demo world saved in this browser cannot be read by this
 * build: nothing is discarded until the evaluator asks, and they can keep a copy first.
 */
export function UnreadableWorldNotice({ message, exportWorld, reset }: UnreadableWorldNoticeProps) {
  const titleId = useId();
  const [state, setState] = useState<'idle' | 'exported' | 'resetting' | 'failed'>('idle');
  return (
    <main className="unreadable-world" aria-labelledby={titleId}>
      <h1 id={titleId}>This demo world cannot be opened</h1>
      <p role="alert">{message}</p>
      <p>
        Export the old world to keep a copy of every item and audit event in it, then reset to start
        a fresh demo.
      </p>
      <div className="unreadable-world-actions">
        <button
          type="button"
          className="button"
          onClick={async () => {
            try {
              const json = await exportWorld();
              downloadFile([json], 'application/json', 'handoff-desk-demo-world.json');
              setState('exported');
            } catch {
              setState('failed');
            }
          }}
        >
          Export old world
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={state === 'resetting'}
          onClick={async () => {
            setState('resetting');
            await reset();
          }}
        >
          {state === 'resetting' ? 'Resetting…' : 'Reset demo'}
        </button>
      </div>
      <p role="status">
        {state === 'exported' ? 'The old world was downloaded.' : null}
        {state === 'failed' ? 'The old world could not be exported; try again.' : null}
      </p>
    </main>
  );
}
