import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../../api/errors';
import type { Handoff, User } from '../../../api/handoff-schemas';
import { ErrorNotice } from '../../../components/error-notice';
import { FieldMessage, invalidProps } from '../../../components/field-message';
import { ShortcutButton } from '../../../components/shortcut-button';
import { hasAuthorityOver, ladder, levelLabels } from '../../../domain/levels';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import type { useKindActions } from '../hooks/use-kind-actions';
import { Fact } from './fact';

type Actions = ReturnType<typeof useKindActions>;

/** The last step that worked, from the diagnosis ("…; last good step: …") or the timeline. */
export function lastGoodStep(handoff: Handoff): string | null {
  const named = /last good step:\s*(.+)$/i.exec(handoff.context.diagnosis ?? '')?.[1];
  if (named) return named.trim();
  const failedAt = handoff.context.steps.findIndex((s) => s.outcome === 'failed');
  const before = failedAt < 0 ? handoff.context.steps : handoff.context.steps.slice(0, failedAt);
  return before.filter((s) => s.outcome === 'ok').at(-1)?.summary ?? null;
}

/**
 * What the last override or recovery action did, outside the panels: a take-over or a refusal
 * that carries the item as it is now can close the panel the button was in.
 */
export function KindActionOutcome({ actions }: { actions: Actions }) {
  // Field errors belong to the reassign form, which shows them beside their fields.
  const fieldLevel = actions.error instanceof ApiError && actions.error.problem?.errors?.length;
  return (
    <>
      {actions.done ? (
        <p className="notice notice-ok" role="status">
          {actions.done}
        </p>
      ) : null}
      {actions.error && !fieldLevel ? <ErrorNotice error={actions.error} /> : null}
    </>
  );
}

/**
 * Override (seed: a person intervenes mid-process): while the AI works, a reviewer can stop
 * it, leaving the item for whoever picks it up, or take it over with the AI's partial work.
 */
export function AiWorkingPanel({
  actions,
  blockedReason,
}: {
  actions: Actions;
  /** Why this reviewer may not intervene (another level's item); null when they may. */
  blockedReason: string | null;
}) {
  const disabled = actions.busy || blockedReason !== null;
  useShortcuts([
    { key: 'p', handler: () => void actions.pause(), enabled: !disabled, label: 'Pause the AI' },
    { key: 't', handler: () => void actions.takeOver(), enabled: !disabled, label: 'Take over' },
  ]);
  return (
    <section className="cp-section cp-kind-panel" aria-labelledby="cp-ai-working">
      <h2 id="cp-ai-working" className="cp-kind-title">
        The AI is working on this item
      </h2>
      <p>
        Its steps so far and its partial draft are below. Step in if it is going the wrong way:
        pause it for anyone to pick up, or take it over yourself.
      </p>
      <div className="cp-actions-row">
        <ShortcutButton shortcut="p" disabled={disabled} onClick={() => void actions.pause()}>
          Pause the AI
        </ShortcutButton>
        <ShortcutButton
          shortcut="t"
          className="button button-primary"
          disabled={disabled}
          onClick={() => void actions.takeOver()}
        >
          Take over
        </ShortcutButton>
      </div>
      {blockedReason ? <p className="cp-actions-why">{blockedReason}</p> : null}
    </section>
  );
}

/**
 * AI failure mid-task (seed: plan for failures): what broke, the last step that worked, and
 * the three ways on: try again, finish it by hand, or hand it to someone who can.
 */
export function FailurePanel({
  handoff,
  actions,
  blockedReason,
  users,
  me,
}: {
  handoff: Handoff;
  actions: Actions;
  blockedReason: string | null;
  users: User[];
  me: User | undefined;
}) {
  const [reassigning, setReassigning] = useState(false);
  const disabled = actions.busy || blockedReason !== null;
  useShortcuts([
    { key: 'y', handler: () => void actions.retry(), enabled: !disabled, label: 'Try again' },
    { key: 't', handler: () => void actions.takeOver(), enabled: !disabled, label: 'Take over' },
    {
      key: 'g',
      handler: () => setReassigning(true),
      enabled: !disabled,
      label: 'Hand it to someone else',
    },
  ]);
  const good = lastGoodStep(handoff);
  return (
    <section className="cp-section cp-kind-panel cp-failure" aria-labelledby="cp-failed">
      <h2 id="cp-failed" className="cp-kind-title">
        The AI could not finish this task
      </h2>
      <dl className="cp-failure-facts">
        <Fact label="What went wrong">
          {handoff.context.diagnosis?.split(';')[0] ?? 'No diagnosis was recorded.'}
        </Fact>
        <Fact label="Last good step">{good ?? 'None: it failed at the first step.'}</Fact>
      </dl>
      <div className="cp-actions-row">
        <ShortcutButton
          shortcut="y"
          className="button button-primary"
          disabled={disabled}
          title="The AI tries the task again from the start."
          onClick={() => void actions.retry()}
        >
          Retry
        </ShortcutButton>
        <ShortcutButton
          shortcut="t"
          disabled={disabled}
          title="You hold the item and finish it by hand."
          onClick={() => void actions.takeOver()}
        >
          Take over
        </ShortcutButton>
        <ShortcutButton
          shortcut="g"
          className={reassigning ? 'button is-active' : 'button'}
          disabled={disabled}
          aria-expanded={reassigning}
          onClick={() => setReassigning((r) => !r)}
        >
          Reassign…
        </ShortcutButton>
      </div>
      {blockedReason ? <p className="cp-actions-why">{blockedReason}</p> : null}
      {reassigning && !disabled ? (
        <ReassignForm
          handoff={handoff}
          users={users.filter((u) => u.id !== me?.id)}
          busy={actions.busy}
          error={actions.error}
          onCancel={() => setReassigning(false)}
          onSubmit={async (body) => {
            if (await actions.reassign(body)) setReassigning(false);
          }}
        />
      ) : null}
    </section>
  );
}

function ReassignForm({
  handoff,
  users,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  handoff: Handoff;
  users: User[];
  busy: boolean;
  error: unknown;
  onSubmit: (body: { level?: User['level']; assigneeId?: string; note: string }) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const levels = ladder.filter((l) => l !== 'ai' && l !== handoff.level);
  const people = users.filter((u) => hasAuthorityOver(u.level, handoff.level));
  const fieldError = (pointer: string) =>
    error instanceof ApiError
      ? error.problem?.errors?.find((e) => e.pointer === pointer)?.message
      : undefined;
  const toError = fieldError('/level') ?? fieldError('/assigneeId');
  const noteError = fieldError('/note');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [kind, value] = to.split(':');
    onSubmit(
      kind === 'person'
        ? { assigneeId: value, note }
        : { level: (value || undefined) as User['level'] | undefined, note },
    );
  };

  return (
    <form className="cp-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>Reassign the failed task</h3>
      <p>To a level: it stays failed there, and that level is told. To a person: they hold it.</p>
      <label htmlFor={`${id}-to`}>Hand to</label>
      <select
        id={`${id}-to`}
        ref={first}
        value={to}
        onChange={(e) => setTo(e.target.value)}
        {...invalidProps(`${id}-to`, toError)}
      >
        <option value="">Choose a level or a person</option>
        <optgroup label="Levels">
          {levels.map((l) => (
            <option key={l} value={`level:${l}`}>
              {levelLabels[l]}
            </option>
          ))}
        </optgroup>
        <optgroup label="People">
          {people.map((u) => (
            <option key={u.id} value={`person:${u.id}`}>
              {u.name} · {levelLabels[u.level]}
            </option>
          ))}
        </optgroup>
      </select>
      <FieldMessage id={`${id}-to`} message={toError} />
      <label htmlFor={`${id}-note`}>Note for whoever takes it</label>
      <textarea
        id={`${id}-note`}
        value={note}
        rows={3}
        onChange={(e) => setNote(e.target.value)}
        {...invalidProps(`${id}-note`, noteError)}
      />
      <FieldMessage id={`${id}-note`} message={noteError} />
      <div className="cp-actions-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          Reassign
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
