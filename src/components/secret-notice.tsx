import { type ReactNode, useEffect, useRef } from 'react';

/** A secret shown once (an agent key, a signing secret), and the button that says it was kept. */
export function SecretNotice({
  title,
  secret,
  advice,
  className,
  onDismiss,
}: {
  title: ReactNode;
  secret: string;
  advice: string;
  className?: string;
  onDismiss: () => void;
}) {
  const kept = useRef<HTMLButtonElement>(null);
  // Out of the form, so the screen's keys work again, and onto what to do next.
  useEffect(() => kept.current?.focus(), []);
  return (
    <div role="status" className={className ? `notice ${className}` : 'notice'}>
      <p className="notice-title">{title}</p>
      <p>
        <code>{secret}</code>
      </p>
      <p>{advice}</p>
      <button ref={kept} type="button" className="button" onClick={onDismiss}>
        I have kept it
      </button>
    </div>
  );
}
