import { toErrorMessage } from '../api/errors';

interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
  /** Overrides the suggested next step. */
  action?: string;
}

/**
 * Says what went wrong and what to do next, in place, announced to screen readers. The
 * technical particulars (a status line, a schema path) wait behind "Details" for whoever runs
 * the server.
 */
export function ErrorNotice({ error, onRetry, action }: ErrorNoticeProps) {
  const message = toErrorMessage(error);
  return (
    <div role="alert" className="notice notice-error">
      <p className="notice-title">{message.title}</p>
      {message.detail ? <p>{message.detail}</p> : null}
      <p>{action ?? message.action}</p>
      <ErrorDetails text={message.details} />
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

function ErrorDetails({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <details className="notice-details">
      <summary>Details</summary>
      <code>{text}</code>
    </details>
  );
}

interface RetryingNoticeProps {
  /** The failed attempts so far (TanStack Query's `failureCount`). */
  failures: number;
  /** Why the last attempt failed (`failureReason`). */
  reason: unknown;
}

/**
 * While a load is being tried again: what failed and that it is being retried, so the area is
 * not blank and silent. Quiet before the first failure.
 */
export function RetryingNotice({ failures, reason }: RetryingNoticeProps) {
  if (failures === 0 || !reason) return null;
  const message = toErrorMessage(reason);
  return (
    <div role="status" className="notice notice-warning retrying-notice">
      <p className="notice-title">
        <span className="retrying-spinner" aria-hidden="true" />
        {message.title}. Trying again (attempt {failures + 1})…
      </p>
      {message.detail ? <p>{message.detail}</p> : null}
      <ErrorDetails text={message.details} />
    </div>
  );
}
