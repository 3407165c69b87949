import { ApiError } from '../../../api/errors';
import { ErrorNotice } from '../../../components/error-notice';
import { useOpenNext } from '../../../hooks/use-open-next';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { newIdempotencyKey } from '../../../lib/idempotency';

/**
 * "Claim next": the server picks the highest-priority unclaimed item within the reviewer's
 * authority, assigns it to them and the checkpoint opens. Shortcut: n.
 */
export function useClaimNext() {
  const { mutation, open } = useOpenNext();
  // A refusal is shown from `mutation.error`, under the header.
  const send = (key: string) => void open(key).catch(() => undefined);

  const claim = () => {
    if (mutation.isPending) return;
    send(newIdempotencyKey());
  };
  // A retry is the same intent: it reuses the key, so a claim that did land is not repeated.
  const retry = () => {
    if (mutation.isPending || mutation.variables === undefined) return;
    send(mutation.variables.key);
  };

  useShortcuts([{ key: 'n', handler: claim, label: 'Claim the next item by priority' }]);
  return { mutation, claim, retry };
}

type ClaimState = ReturnType<typeof useClaimNext>;

export function ClaimNextButton({ state }: { state: ClaimState }) {
  const pending = state.mutation.isPending;
  return (
    <button
      type="button"
      className="button button-primary claim-next"
      onClick={state.claim}
      disabled={pending}
      aria-keyshortcuts="n"
      title="Claim the next item by priority (n)"
    >
      {pending ? 'Claiming…' : 'Claim next'}
      <span aria-hidden="true" className="claim-next-key">
        <kbd>n</kbd>
      </span>
    </button>
  );
}

/** Why the last claim did not open an item, in place under the header. */
export function ClaimNextMessage({ state }: { state: ClaimState }) {
  const { error } = state.mutation;
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  if (problem?.code === 'queue_empty') {
    return (
      <div role="status" className="notice notice-info claim-message">
        <p className="notice-title">{problem.title}</p>
        {problem.detail ? <p>{problem.detail}</p> : null}
        <button type="button" className="button" onClick={state.mutation.reset}>
          Dismiss
        </button>
      </div>
    );
  }
  return (
    <div className="claim-message">
      <ErrorNotice
        error={error}
        onRetry={error instanceof ApiError && error.retryable ? state.retry : undefined}
      />
    </div>
  );
}
