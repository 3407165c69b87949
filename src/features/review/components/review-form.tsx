import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/errors';
import {
  type PostHocItem,
  type PostHocReviewRequest,
  type PostHocVerdict,
  postHocRubrics,
} from '../../../api/post-hoc-schemas';
import { ErrorNotice } from '../../../components/error-notice';
import { FieldMessage, invalidProps } from '../../../components/field-message';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { useIntentKey } from '../../../lib/idempotency';
import { reviewMutations } from '../api/mutations';

const verdicts: { value: PostHocVerdict; label: string; description: string }[] = [
  { value: 'good', label: 'Good', description: 'Nothing to do.' },
  {
    value: 'needs_follow_up',
    label: 'Needs follow-up',
    description: 'Someone should contact the customer or fix the policy.',
  },
];

const NOTE_REQUIRED = 'Say what needs following up.';

/**
 * The rubric for one sent reply: yes/no per criterion, a verdict and a note (required when
 * the reply needs following up). Ctrl+Enter submits from anywhere in the form.
 */
export interface ReviewFormProps {
  item: PostHocItem;
  onReviewed: () => void;
  /** The item left the queue meanwhile (reviewed elsewhere): say why and move on. */
  onGone: (why: string) => void;
}

/** A checkbox or radio with its label and a hint that describes it. */
function HintedChoice({
  type,
  id,
  name,
  value,
  checked,
  onChange,
  label,
  hint,
}: {
  type: 'checkbox' | 'radio';
  id: string;
  name?: string;
  value?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  hint: string;
}) {
  return (
    <div className="review-criterion">
      <input
        type={type}
        name={name}
        id={id}
        value={value}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={`${id}-hint`}
      />
      <label htmlFor={id}>{label}</label>
      <span id={`${id}-hint`} className="review-hint">
        {hint}
      </span>
    </div>
  );
}

export function ReviewForm({ item, onReviewed, onGone }: ReviewFormProps) {
  const rubric = postHocRubrics[item.category];
  const [criteria, setCriteria] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(rubric.map((c) => [c.id, false])),
  );
  const [verdict, setVerdict] = useState<PostHocVerdict | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [verdictError, setVerdictError] = useState(false);
  const scope = `review:${item.id}`;
  const intent = useIntentKey(scope);

  const submit = useMutation({
    ...reviewMutations.submit(),
    onSuccess: () => {
      intent.drop();
      onReviewed();
    },
    onError: (error) => {
      // A refusal is final for this key; a network failure may be retried with the same key.
      if (!(error instanceof ApiError && error.retryable)) intent.drop();
      // A 409 means the item is gone from the list (which refetches after any answer).
      if (error instanceof ApiError && error.status === 409) {
        onGone(error.problem?.detail ?? error.human.title);
        return;
      }
      const pointer = error instanceof ApiError ? error.problem?.errors : undefined;
      const onNote = pointer?.find((e) => e.pointer === '/note');
      if (onNote) setNoteError(onNote.message);
    },
  });

  const send = () => {
    if (submit.isPending) return;
    setVerdictError(verdict === null);
    const missingNote = verdict === 'needs_follow_up' && !note.trim();
    setNoteError(missingNote ? NOTE_REQUIRED : null);
    if (verdict === null || missingNote) return;
    const body = { version: item.version, criteria, verdict, ...(note.trim() ? { note } : {}) };
    submit.mutate({ id: item.id, body, key: intent.current(JSON.stringify(body), body) });
  };

  // A submission an earlier page load left unanswered is sent again, with the same key and
  // body, so the server records it once; one sent by this page load is never sent behind it.
  useEffect(() => {
    const leftOver = intent.claimLeftOver();
    if (!leftOver?.payload) return;
    submit.mutate({
      id: item.id,
      body: leftOver.payload as PostHocReviewRequest,
      key: leftOver.key,
    });
  }, [intent, item.id, submit.mutate]);

  useShortcuts([
    {
      key: 'mod+Enter',
      handler: send,
      inFields: true,
      label: 'Submit the review and open the next',
    },
  ]);

  const noteId = `note-${item.id}`;
  return (
    <form
      className="review-form"
      aria-label={`Review of ticket #${item.ticketNumber}`}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <fieldset className="review-rubric">
        <legend>Rubric ({item.category})</legend>
        {rubric.map((c) => (
          <HintedChoice
            key={c.id}
            type="checkbox"
            id={`crit-${item.id}-${c.id}`}
            checked={criteria[c.id] ?? false}
            onChange={(checked) => setCriteria((prev) => ({ ...prev, [c.id]: checked }))}
            label={c.label}
            hint={c.hint}
          />
        ))}
      </fieldset>
      <div className="review-verdict">
        <fieldset className="review-verdicts">
          <legend>Verdict</legend>
          {verdicts.map((v) => (
            <HintedChoice
              key={v.value}
              type="radio"
              name={`verdict-${item.id}`}
              id={`verdict-${item.id}-${v.value}`}
              value={v.value}
              checked={verdict === v.value}
              onChange={() => {
                setVerdict(v.value);
                setVerdictError(false);
              }}
              label={v.label}
              hint={v.description}
            />
          ))}
        </fieldset>
        {verdictError ? (
          <p className="field-error" role="alert">
            Choose a verdict.
          </p>
        ) : null}
      </div>
      <div className="review-note">
        <label htmlFor={noteId}>
          Note{verdict === 'needs_follow_up' ? ' (required)' : ' (optional)'}
        </label>
        <textarea
          id={noteId}
          value={note}
          rows={3}
          maxLength={2000}
          onChange={(e) => {
            setNote(e.target.value);
            if (noteError && e.target.value.trim()) setNoteError(null);
          }}
          {...invalidProps(noteId, noteError)}
        />
        <FieldMessage id={noteId} message={noteError} alert />
      </div>
      {submit.isError &&
      !noteError &&
      !(submit.error instanceof ApiError && submit.error.status === 409) ? (
        <ErrorNotice error={submit.error} onRetry={() => send()} />
      ) : null}
      <button
        type="submit"
        className="button button-primary"
        aria-keyshortcuts="Control+Enter"
        disabled={submit.isPending}
      >
        {submit.isPending ? 'Submitting…' : 'Submit review'} <kbd>Ctrl+Enter</kbd>
      </button>
    </form>
  );
}
