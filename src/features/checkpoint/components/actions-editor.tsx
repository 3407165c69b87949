import { useEffect, useId, useRef, useState } from 'react';
import type { ProposedAction, ProposedActionType } from '../../../api/action-schemas';
import { type Currency, currencySchema } from '../../../api/commitment-schemas';
import { ChoiceSelect } from '../../../components/choice-select';
import { TextField } from '../../../components/text-field';
import { actionChanges, describeAction, PLAIN_REPLY, sameActions } from '../../../domain/actions';
import {
  type ActionFields,
  type ActionRead,
  actionTypeLabels,
  actionTypes,
  blankAction,
  fieldsOf,
  readAction,
} from '../lib/action-fields';

const currencyLabels = Object.fromEntries(currencySchema.options.map((c) => [c, c])) as Record<
  Currency,
  string
>;

interface ActionsEditorProps {
  /** What approving carries out now. */
  actions: ProposedAction[];
  /** What the AI proposed, for the change shown. */
  proposed: ProposedAction[];
  /** Why the actions cannot be edited; null when they can. */
  readOnlyReason: string | null;
  onChange: (actions: ProposedAction[]) => void;
  /** Whether every row reads as a valid action (approval waits until it does). */
  onValidityChange: (valid: boolean) => void;
}

/**
 * The draft's proposed actions as a form: each field checked as it is typed, only valid
 * actions handed on (so a half-typed amount is never saved or approved), and the change
 * against the proposal shown, before → after, as the audit will record it.
 */
export function ActionsEditor({
  actions,
  proposed,
  readOnlyReason,
  onChange,
  onValidityChange,
}: ActionsEditorProps) {
  const id = useId();
  const [rows, setRows] = useState<ActionFields[]>(() => actions.map(fieldsOf));
  const committed = useRef(actions);
  const [adding, setAdding] = useState<ProposedActionType | undefined>(undefined);

  // The actions moved on without this form (the reply was rewritten, another device saved,
  // the AI answered a redirect): show them, dropping any half-typed field.
  useEffect(() => {
    if (sameActions(actions, committed.current)) return;
    committed.current = actions;
    setRows(actions.map(fieldsOf));
    onValidityChange(true);
  }, [actions, onValidityChange]);

  const reads: ActionRead[] = rows.map(readAction);

  const commit = (next: ActionFields[]) => {
    const rowsNow = next.length > 0 ? next : [fieldsOf(PLAIN_REPLY)];
    setRows(rowsNow);
    const read = rowsNow.map(readAction);
    const valid = read.every((r) => r.ok);
    onValidityChange(valid);
    if (!valid) return;
    const nextActions = read.flatMap((r) => (r.ok ? [r.action] : []));
    committed.current = nextActions;
    onChange(nextActions);
  };

  const update = (i: number, fields: ActionFields) =>
    commit(rows.map((r, k) => (k === i ? fields : r)));

  const changes = actionChanges(proposed, actions);
  const readOnly = readOnlyReason !== null;

  return (
    <section className="cp-section cp-proposed" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Proposed actions</h2>
      <p className="cp-muted">
        What approving carries out besides sending the reply; authority is judged on these.
      </p>
      {readOnly ? (
        <ul className="cp-proposed-list">
          {actions.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: actions have no identity of their own
            <li key={i}>{describeAction(a)}</li>
          ))}
        </ul>
      ) : (
        <ol className="cp-proposed-list">
          {rows.map((row, i) => (
            <ActionRow
              // biome-ignore lint/suspicious/noArrayIndexKey: actions have no identity of their own
              key={i}
              id={`${id}-${i}`}
              row={row}
              read={reads[i]!}
              onUpdate={(f) => update(i, f)}
              onRemove={() => commit(rows.filter((_, k) => k !== i))}
            />
          ))}
        </ol>
      )}
      {readOnly ? null : (
        <div className="cp-proposed-add">
          <label htmlFor={`${id}-add`}>Add an action</label>
          <ChoiceSelect
            id={`${id}-add`}
            choices={actionTypes}
            labels={actionTypeLabels}
            value={adding}
            noneLabel="Choose…"
            onChoose={setAdding}
          />
          <button
            type="button"
            className="button"
            disabled={adding === undefined}
            onClick={() => {
              if (!adding) return;
              const kept = rows.filter((r) => r.type !== 'reply' || adding === 'reply');
              commit([...kept, blankAction(adding)]);
              setAdding(undefined);
            }}
          >
            Add action
          </button>
        </div>
      )}
      {changes.length > 0 ? (
        <div className="cp-proposed-changes" role="status">
          <h3>Your changes to the actions</h3>
          <ul>
            {changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="cp-muted">They go with your decision and into the item’s audit trail.</p>
          {readOnly ? null : (
            <button type="button" className="button" onClick={() => commit(proposed.map(fieldsOf))}>
              Undo changes to the actions
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}

function ActionRow({
  id,
  row,
  read,
  onUpdate,
  onRemove,
}: {
  id: string;
  row: ActionFields;
  read: ActionRead;
  onUpdate: (fields: ActionFields) => void;
  onRemove: () => void;
}) {
  const label = actionTypeLabels[row.type];
  const message = (field: string) => (!read.ok && read.field === field ? read.message : undefined);
  return (
    <li className="cp-proposed-row">
      <span className="cp-proposed-kind">{label}</span>
      {row.type === 'refund' || row.type === 'store_credit' ? (
        <>
          <TextField
            fieldClassName="cp-proposed-amount"
            label={`${label} amount`}
            inputMode="decimal"
            autoComplete="off"
            value={row.amount}
            error={message('amount')}
            onValue={(amount) => onUpdate({ ...row, amount })}
          />
          <div className="field">
            <label htmlFor={`${id}-currency`}>{label} currency</label>
            <ChoiceSelect
              id={`${id}-currency`}
              choices={currencySchema.options}
              labels={currencyLabels}
              value={row.currency}
              onChoose={(currency) => currency && onUpdate({ ...row, currency })}
            />
          </div>
        </>
      ) : null}
      {row.type === 'replacement' ? (
        <TextField
          fieldClassName="cp-proposed-text"
          label="What is sent again"
          value={row.item}
          maxLength={500}
          error={message('item')}
          onValue={(item) => onUpdate({ ...row, item })}
        />
      ) : null}
      {row.type === 'policy_exception' || row.type === 'account_change' ? (
        <TextField
          fieldClassName="cp-proposed-text"
          label={row.type === 'policy_exception' ? 'Which rule is bent, and how' : 'What changes'}
          value={row.description}
          maxLength={1000}
          error={message('description')}
          onValue={(description) => onUpdate({ ...row, description })}
        />
      ) : null}
      {row.type === 'reply' ? (
        <span className="cp-muted">Only the reply is sent.</span>
      ) : (
        <button
          type="button"
          className="button"
          aria-label={`Remove ${label.toLowerCase()}`}
          onClick={onRemove}
        >
          Remove
        </button>
      )}
    </li>
  );
}
