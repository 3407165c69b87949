import { Link } from '@tanstack/react-router';
import { toErrorMessage } from '../../../api/errors';
import type { DecisionAction } from '../../../api/handoff-schemas';
import { ErrorNotice } from '../../../components/error-notice';
import { levelLabels } from '../../../domain/levels';
import type { PendingDecision } from '../../../stores/decision-intent';
import type { Decided } from '../hooks/use-next-after-decision';
import type { EscalationSuggestion, Failure } from '../lib/refusal';

const actionNouns: Record<DecisionAction, string> = {
  approve: 'approval',
  reject: 'rejection',
  escalate: 'escalation',
  redirect: 'redirect',
};

/** How the last decision went: done, opening the next item, unconfirmed, or refused. */
export function DecisionNotices({
  notice,
  decided,
  intent,
  busy,
  failure,
  onRetryOpenNext,
  onRetry,
  onDropIntent,
  onEscalate,
  escalation,
}: {
  notice: string | null;
  decided: Decided | null;
  intent: PendingDecision | undefined;
  busy: boolean;
  failure: Failure | null;
  onRetryOpenNext: (decided: Decided) => void;
  onRetry: (intent: PendingDecision) => void;
  onDropIntent: () => void;
  onEscalate: () => void;
  /** Where escalating would send the item; null when no level is known. */
  escalation: EscalationSuggestion | null;
}) {
  return (
    <>
      {notice ? (
        <div className="notice notice-ok" role="status">
          {notice}
        </div>
      ) : null}

      {decided ? (
        decided.error ? (
          <div className="notice notice-warning" role="alert">
            <p className="notice-title">{decided.message}</p>
            <p>Could not open the next item: {toErrorMessage(decided.error).title}.</p>
            <div className="cp-inline-actions">
              <button type="button" className="button" onClick={() => onRetryOpenNext(decided)}>
                Try again
              </button>
              <Link to="/queue" className="button">
                Back to the queue
              </Link>
            </div>
          </div>
        ) : (
          <div className="notice notice-ok" role="status">
            {decided.message} Opening the next item…
          </div>
        )
      ) : null}

      {intent && !busy ? (
        <div className="notice notice-warning" role="alert">
          <p className="notice-title">
            {failure?.kind === 'retryable'
              ? toErrorMessage(failure.error).title
              : `Your ${actionNouns[intent.action]} was not confirmed`}
          </p>
          <p>
            Your {actionNouns[intent.action]} and your text are kept on this device. Retry sends the
            very same request, so it is applied only once.
          </p>
          <div className="cp-inline-actions">
            <button type="button" className="button button-primary" onClick={() => onRetry(intent)}>
              Retry
            </button>
            <button type="button" className="button" onClick={onDropIntent}>
              Don’t send
            </button>
          </div>
        </div>
      ) : failure?.kind === 'forbidden' ? (
        <div className="notice notice-error cp-refusal" role="alert">
          <p className="notice-title">{toErrorMessage(failure.error).title}</p>
          <p>{toErrorMessage(failure.error).detail}</p>
          <p>
            Your reply is kept as you wrote it. Hand the item to a level that has the authority.
          </p>
          <button type="button" className="button" aria-keyshortcuts="x" onClick={onEscalate}>
            {escalation ? `Escalate to ${levelLabels[escalation.level]}` : 'Escalate instead'}{' '}
            <kbd aria-hidden>x</kbd>
          </button>
        </div>
      ) : failure ? (
        <ErrorNotice
          error={failure.error}
          action={`${toErrorMessage(failure.error).action} Your text is kept on this device.`}
        />
      ) : null}
    </>
  );
}
