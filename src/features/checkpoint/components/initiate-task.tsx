import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../../api/errors';
import type { Handoff } from '../../../api/handoff-schemas';
import { ErrorNotice } from '../../../components/error-notice';
import { FieldMessage, invalidProps } from '../../../components/field-message';
import { ShortcutButton } from '../../../components/shortcut-button';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { useIntentKey } from '../../../lib/idempotency';
import { checkpointMutations } from '../api/mutations';

/**
 * Initiation (seed: human → AI): hand the AI a task about this ticket, e.g. "draft a
 * follow-up confirming the refund". The AI's result comes back as a new item, held by you.
 */
export function InitiateTask({ handoff }: { handoff: Handoff }) {
  const navigate = useNavigate();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [instructions, setInstructions] = useState('');
  // One key per intent: a retry of the same text after a network failure must not create two items.
  const intent = useIntentKey(`ai-task:${handoff.id}`);
  const field = useRef<HTMLTextAreaElement>(null);
  const initiate = useMutation(checkpointMutations.initiate());
  useShortcuts([
    {
      key: 'i',
      handler: () => setOpen(true),
      enabled: !open,
      label: 'Start a follow-up task for the AI',
    },
  ]);
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);

  const fieldError =
    initiate.error instanceof ApiError
      ? initiate.error.problem?.errors?.find((e) => e.pointer === '/instructions')?.message
      : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const created = await initiate.mutateAsync({
        body: { sourceId: handoff.id, instructions },
        key: intent.current(instructions),
      });
      intent.drop();
      await navigate({
        to: '/handoffs/$handoffId',
        params: { handoffId: created.id },
        state: {
          flash: `The AI drafted a reply about ticket #${created.ticket.number} from your instructions. It is yours to review.`,
        },
      });
    } catch (error) {
      // Shown below the field. Only a failure that may not have reached the server keeps the key.
      if (!(error instanceof ApiError && error.retryable)) intent.drop();
    }
  };

  return (
    <section className="cp-section cp-initiate" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="cp-kind-title">
        Hand the AI a task about this ticket
      </h2>
      {!open ? (
        <ShortcutButton shortcut="i" onClick={() => setOpen(true)}>
          Ask the AI…
        </ShortcutButton>
      ) : (
        <form className="cp-form" onSubmit={submit}>
          <p className="cp-muted">
            The AI drafts a reply to ticket #{handoff.ticket.number} from your instructions. The
            result comes back as a new item in the queue, held by you.
          </p>
          <label htmlFor={`${id}-instructions`}>Instructions for the AI</label>
          <textarea
            id={`${id}-instructions`}
            ref={field}
            rows={3}
            value={instructions}
            onChange={(e) => setInstructions(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setOpen(false);
            }}
            {...invalidProps(`${id}-instructions`, fieldError)}
          />
          {fieldError ? (
            <FieldMessage id={`${id}-instructions`} message={fieldError} />
          ) : initiate.error ? (
            <ErrorNotice error={initiate.error} />
          ) : null}
          <div className="cp-actions-row">
            <button type="submit" className="button button-primary" disabled={initiate.isPending}>
              {initiate.isPending ? 'Sending…' : 'Send to the AI'}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
