import { toErrorMessage } from '../api/errors';

interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
  /** Overrides the suggested next step. */
  action?: string;
}

/** Says what went wrong and what to do next, in place, announced to screen readers. */
export function ErrorNotice({ error, onRetry, action }: ErrorNoticeProps) {
  const message = toErrorMessage(error);
  return (
    <div role="alert" className="notice notice-error">
      <p className="notice-title">{message.title}</p>
      {message.detail ? <p>{message.detail}</p> : null}
      <p>{action ?? message.action}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
