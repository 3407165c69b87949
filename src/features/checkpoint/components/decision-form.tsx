import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { Level } from '../../../api/handoff-schemas';
import { FieldMessage, invalidProps } from '../../../components/field-message';
import { levelLabels } from '../../../domain/levels';
import type { FieldErrors } from '../lib/decision-input';
import type { FormAction } from './action-bar';

export interface DecisionFormValues {
  reason: string;
  targetLevel: string;
  note: string;
  instructions: string;
}

const titles: Record<FormAction, { title: string; submit: string; intro: string }> = {
  reject: {
    title: 'Reject the draft',
    submit: 'Reject',
    intro: 'Nothing is sent to the customer. Your reason is recorded and fed back to the AI.',
  },
  escalate: {
    title: 'Escalate',
    submit: 'Escalate',
    intro: 'The item leaves your hands and goes to the level you choose, with your note.',
  },
  redirect: {
    title: 'Redirect to the AI',
    submit: 'Send to the AI',
    intro: 'The AI writes a new draft from your instructions and the item comes back to you.',
  },
};

interface DecisionFormProps {
  action: FormAction;
  /** Values to start from, e.g. the level that can approve and why. */
  initial?: Partial<DecisionFormValues>;
  targets: Level[];
  /** Where each target takes the item ("L2 Specialist · Legal (Chen Wei)"), when it has a team. */
  destinations?: Partial<Record<Level, string>>;
  errors: FieldErrors;
  busy: boolean;
  onSubmit: (values: DecisionFormValues) => void;
  onCancel: () => void;
}

/** The small form behind reject, escalate and redirect. Ctrl+Enter sends, Esc cancels. */
export function DecisionForm({
  action,
  initial,
  targets,
  destinations,
  errors,
  busy,
  onSubmit,
  onCancel,
}: DecisionFormProps) {
  const [values, setValues] = useState<DecisionFormValues>({
    reason: '',
    targetLevel: '',
    note: '',
    instructions: '',
    ...initial,
  });
  const first = useRef<HTMLTextAreaElement & HTMLSelectElement>(null);
  const t = titles[action];
  // The chosen level's destination, or before a choice the next step up.
  const shown = (values.targetLevel || targets[0]) as Level | undefined;
  const destination = shown ? destinations?.[shown] : undefined;
  const prefilled = Boolean(initial?.targetLevel);

  useEffect(() => {
    // With the level chosen already, the note is what is left to write: start at its end.
    const note = prefilled ? document.getElementById('cp-f-note') : null;
    if (note instanceof HTMLTextAreaElement) {
      note.focus();
      note.setSelectionRange(note.value.length, note.value.length);
    } else first.current?.focus();
  }, [prefilled]);

  // After a failed submit, move focus to the first field in error so the reviewer hears it.
  useEffect(() => {
    const firstError = (['targetLevel', 'note', 'reason', 'instructions'] as const).find(
      (f) => errors[f],
    );
    if (firstError) document.getElementById(`cp-f-${firstError}`)?.focus();
  }, [errors]);

  const set = (field: keyof DecisionFormValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!busy) onSubmit(values);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };

  const textField = (
    field: 'reason' | 'note' | 'instructions',
    label: string,
    hint: string,
    autoFocus: boolean,
  ) => (
    <div className="field">
      <label htmlFor={`cp-f-${field}`}>{label}</label>
      <textarea
        id={`cp-f-${field}`}
        ref={autoFocus ? first : undefined}
        rows={3}
        value={values[field]}
        onChange={set(field)}
        {...invalidProps(`cp-f-${field}`, errors[field], `cp-f-${field}-hint`)}
      />
      <p id={`cp-f-${field}-hint`} className="cp-hint">
        {hint}
      </p>
      <FieldMessage id={`cp-f-${field}`} message={errors[field]} />
    </div>
  );

  return (
    <form
      id="cp-decision-form"
      className={`cp-form cp-form-${action}`}
      aria-labelledby="cp-form-title"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
    >
      <h3 id="cp-form-title">{t.title}</h3>
      <p className="cp-muted">{t.intro}</p>
      {action === 'reject'
        ? textField(
            'reason',
            'Reason',
            'At least 5 characters. The customer does not see it.',
            true,
          )
        : null}
      {action === 'escalate' ? (
        <>
          <div className="field">
            <label htmlFor="cp-f-targetLevel">Escalate to</label>
            <select
              id="cp-f-targetLevel"
              ref={first}
              value={values.targetLevel}
              onChange={set('targetLevel')}
              {...invalidProps('cp-f-targetLevel', errors.targetLevel)}
            >
              <option value="">Choose a level…</option>
              {targets.map((l) => (
                <option key={l} value={l}>
                  {levelLabels[l]}
                </option>
              ))}
            </select>
            <FieldMessage id="cp-f-targetLevel" message={errors.targetLevel} />
            {destination ? (
              <p className="cp-hint" data-testid="cp-escalation-destination" aria-live="polite">
                {values.targetLevel ? 'Escalate to ' : 'Next in the team: '}
                {destination}
              </p>
            ) : null}
          </div>
          {textField(
            'note',
            'Note for the next level',
            'What they need to know, at least 5 characters.',
            false,
          )}
        </>
      ) : null}
      {action === 'redirect'
        ? textField(
            'instructions',
            'Instructions for the AI',
            'What to change, at least 5 characters.',
            true,
          )
        : null}
      {errors.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="cp-form-actions">
        <button
          type="submit"
          className={action === 'reject' ? 'button button-danger' : 'button button-primary'}
          disabled={busy}
        >
          {busy ? 'Sending…' : t.submit}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="cp-hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to send · <kbd>Esc</kbd> to cancel
        </span>
      </div>
    </form>
  );
}
