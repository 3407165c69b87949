import { ShortcutButton } from '../../../components/shortcut-button';
import { levelLabels } from '../../../domain/levels';
import type { AuthorityPreview } from '../lib/authority-preview';

/**
 * What the reviewer's authority covers for this reply, before they try: the promises it makes,
 * who may approve them, and the way up when that is not them.
 */
export function AuthorityNotice({
  preview,
  disabled,
  onEscalate,
}: {
  preview: AuthorityPreview;
  disabled: boolean;
  onEscalate: () => void;
}) {
  return (
    <section
      className={`cp-authority ${preview.allowed ? 'cp-authority-ok' : 'cp-authority-beyond'}`}
      aria-labelledby="cp-authority-title"
    >
      <h2 id="cp-authority-title" className="cp-authority-title">
        Your authority
      </h2>
      <p className="cp-authority-headline">{preview.headline}</p>
      {preview.reason ? <p>{preview.reason}</p> : null}
      {preview.guard ? <p className="cp-authority-guard">{preview.guard}</p> : null}
      <p className="cp-muted">{preview.scope}.</p>
      {preview.escalateTo ? (
        <ShortcutButton shortcut="x" disabled={disabled} onClick={onEscalate}>
          Escalate to {levelLabels[preview.escalateTo]}
        </ShortcutButton>
      ) : null}
    </section>
  );
}
