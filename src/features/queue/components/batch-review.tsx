import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import type {
  BatchDecision,
  BatchDecisionResult,
  SimilarGroup,
  SimilarGroupsParams,
} from '../../../api/batch-schemas';
import { toErrorMessage } from '../../../api/errors';
import type { Level } from '../../../api/handoff-schemas';
import type { Team } from '../../../api/team-schemas';
import { shortBatchId } from '../../../domain/batch-id';
import { escalationTargets, levelLabels } from '../../../domain/levels';
import { formatMoney } from '../../../domain/money';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { userQueries } from '../../../lib/handoff-queries';
import { teamQueries } from '../../../lib/team-queries';
import { useSessionStore } from '../../../stores/session-store';
import { batchMutations, batchQueries } from '../api/batch';
import { categoryLabels, flagLabels } from '../labels';
import './batch-review.css';
import { TeamOptions } from '../../../components/team-options';

/** How long a batch waits, undoable, before it is sent. */
export const UNDO_MS = 5_000;

const actionLabels: Record<SimilarGroup['shared']['action'], string> = {
  refund: 'Refund',
  credit: 'Credit',
  policy_exception: 'Policy exception',
  choose_option: 'Choose an option',
  reply: 'Reply',
  no_draft: 'No draft',
};

const verbs: Record<BatchDecision['action'], [string, string]> = {
  approve: ['Approve', 'Approving'],
  reject: ['Reject', 'Rejecting'],
  escalate: ['Escalate', 'Escalating'],
  reroute: ['Re-route', 'Re-routing'],
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

type Form = null | 'reject' | 'escalate' | 'reroute';

/** The decisions that ask for more first: each opens its form. */
const FORM_BUTTONS = [
  {
    form: 'reject',
    label: 'Reject',
    keys: 'Shift+R',
    key: 'shift+r',
    help: 'Reject the selected items',
  },
  {
    form: 'escalate',
    label: 'Escalate',
    keys: 'Shift+E',
    key: 'shift+e',
    help: 'Escalate the selected items',
  },
  {
    form: 'reroute',
    label: 'Re-route',
    keys: 'Shift+T',
    key: 'shift+t',
    help: 'Re-route the selected items to a team',
  },
] as const;
type Stage =
  | { kind: 'choosing' }
  | { kind: 'waiting'; decision: BatchDecision; ids: string[]; sendAt: number }
  | { kind: 'sent' };

/**
 * The queue's "Group similar" view: items alike enough to decide together, in groups that say
 * what the items share and what differs. A reviewer selects many (a whole group, a range with
 * shift-click, one by one with x) and approves, rejects, escalates or re-routes them in one action, with
 * a few seconds to undo before the batch goes; the server checks each item on its own and the
 * result lists what it left out and why.
 */
export function BatchReview({ params }: { params: SimilarGroupsParams }) {
  const query = useQuery(batchQueries.groups(params));
  const groups = query.data?.groups ?? [];
  const rows = useMemo(
    () => groups.flatMap((g) => g.items.map((item) => ({ group: g, item }))),
    [groups],
  );
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState(0);
  const anchor = useRef<number | null>(null);
  const startedAt = useRef<number | null>(null);
  const [form, setForm] = useState<Form>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'choosing' });
  const mutation = useMutation(batchMutations.decide());
  const lastBatch = useRef<Parameters<typeof mutation.mutate>[0] | null>(null);
  const rowRefs = useRef<(HTMLInputElement | null)[]>([]);
  const navigate = useNavigate();
  const actorId = useSessionStore((s) => s.actorId);
  const level = useQuery(userQueries.me(actorId)).data?.level;
  const teams = useQuery(teamQueries.current()).data?.teams;
  // What the result names each item by, kept from when the batch was sent.
  const titles = useRef(new Map<string, string>());

  const setSelection = (next: Set<string>) => {
    if (next.size > 0 && startedAt.current === null) startedAt.current = Date.now();
    if (next.size === 0) startedAt.current = null;
    setSelected(next);
  };
  const toggle = (index: number) => {
    const row = rows[index];
    if (!row) return;
    const next = new Set(selected);
    if (next.has(row.item.id)) next.delete(row.item.id);
    else next.add(row.item.id);
    anchor.current = index;
    setSelection(next);
  };
  /** Selects from the anchor to `index`, within the anchor's group. */
  const selectRange = (index: number) => {
    const from = anchor.current ?? index;
    const group = rows[from]?.group;
    const next = new Set(selected);
    for (let i = Math.min(from, index); i <= Math.max(from, index); i++) {
      if (rows[i]?.group === group) next.add(rows[i]!.item.id);
    }
    setSelection(next);
  };
  const selectGroup = (group: SimilarGroup) => {
    const next = new Set(selected);
    for (const item of group.items) next.add(item.id);
    setSelection(next);
  };
  const move = (to: number) => {
    const index = Math.max(0, Math.min(rows.length - 1, to));
    setActive(index);
    rowRefs.current[index]?.focus();
  };

  const choosing = stage.kind === 'choosing';
  const begin = (decision: BatchDecision) => {
    setForm(null);
    setStage({ kind: 'waiting', decision, ids: [...selected], sendAt: Date.now() + UNDO_MS });
  };
  const undo = () => setStage({ kind: 'choosing' });

  // The batch as the undo window closes on it: the versions the reviewer saw, the time spent.
  const send = useRef<() => void>(() => undefined);
  send.current = () => {
    if (stage.kind !== 'waiting') return;
    const versions = new Map(rows.map((r) => [r.item.id, r.item.version]));
    const body = {
      batchId: crypto.randomUUID(),
      decision: stage.decision,
      items: stage.ids.map((id) => ({ id, version: versions.get(id) ?? 1 })),
      timeOnBatchMs: Math.max(0, Date.now() - UNDO_MS - (startedAt.current ?? Date.now())),
    };
    lastBatch.current = body;
    for (const r of rows)
      titles.current.set(r.item.id, `#${r.item.ticketNumber} ${r.item.subject}`);
    mutation.mutate(body);
    setStage({ kind: 'sent' });
    setSelection(new Set());
  };
  // The undo window: when it closes, the batch goes.
  useEffect(() => {
    if (stage.kind !== 'waiting') return;
    const timer = setTimeout(() => send.current(), stage.sendAt - Date.now());
    return () => clearTimeout(timer);
  }, [stage]);

  const result = mutation.data;
  const firstRefused = result?.results.find((r) => r.outcome !== 'applied');
  const openFirstRefused = () => {
    if (firstRefused)
      void navigate({ to: '/handoffs/$handoffId', params: { handoffId: firstRefused.id } });
  };

  useShortcuts([
    // Shift with a move extends the selection from the last toggled row, as shift-click does.
    ...(['ArrowDown', 'j', 'ArrowUp', 'k'] as const).map((key) => ({
      key: `shift+${key}`,
      handler: () => {
        const to = Math.max(
          0,
          Math.min(rows.length - 1, active + (key === 'ArrowDown' || key === 'j' ? 1 : -1)),
        );
        move(to);
        selectRange(to);
      },
      enabled: choosing && !form,
    })),
    { key: 'j', handler: () => move(active + 1), enabled: choosing && !form },
    { key: 'ArrowDown', handler: () => move(active + 1), enabled: choosing && !form },
    { key: 'k', handler: () => move(active - 1), enabled: choosing && !form },
    { key: 'ArrowUp', handler: () => move(active - 1), enabled: choosing && !form },
    {
      key: 'shift+x',
      handler: () => rows[active] && selectGroup(rows[active].group),
      label: 'Select all in this group',
      enabled: choosing && !form,
    },
    { key: 'x', handler: () => toggle(active), enabled: choosing && !form },
    {
      key: 'shift+a',
      handler: () => begin({ action: 'approve' }),
      label: 'Approve the selected items',
      enabled: choosing && !form && selected.size > 0,
    },
    ...FORM_BUTTONS.map((b) => ({
      key: b.key,
      handler: () => setForm(b.form),
      label: b.help,
      enabled: choosing && !form && selected.size > 0,
    })),
    { key: 'z', handler: undo, enabled: stage.kind === 'waiting', label: 'Undo the batch' },
    {
      key: 'o',
      handler: openFirstRefused,
      enabled: Boolean(firstRefused),
      label: 'Open the first refused item',
    },
  ]);

  if (query.isPending) return <p className="muted">Grouping similar items…</p>;
  if (query.isError) {
    return (
      <div className="notice notice-warning" role="alert">
        Could not group the queue: {toErrorMessage(query.error).title}.{' '}
        <button type="button" className="button" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }

  let index = -1;
  return (
    <div className="batch-review">
      <p className="queue-hint">
        {plural(query.data.total, 'item')} waiting, {query.data.ungrouped} alike to no other.{' '}
        <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>x</kbd> select · <kbd>Shift+X</kbd> select the group ·
        shift-click or <kbd>Shift+J</kbd>/<kbd>Shift+K</kbd> a range · <kbd>Shift+A</kbd> approve ·{' '}
        <kbd>Shift+R</kbd> reject · <kbd>Shift+E</kbd> escalate · <kbd>Shift+T</kbd> re-route the
        selected to a team.
      </p>

      <BatchBar
        count={selected.size}
        stage={stage}
        form={form}
        setForm={setForm}
        onDecide={begin}
        onUndo={undo}
        onClear={() => setSelection(new Set())}
        level={level}
        teams={teams}
      />
      <BatchProgress
        pending={mutation.isPending}
        error={mutation.isError ? toErrorMessage(mutation.error).title : null}
        onRetry={() => lastBatch.current && mutation.mutate(lastBatch.current)}
        result={result}
        onOpenFirstRefused={firstRefused ? openFirstRefused : null}
        titles={titles.current}
      />

      {groups.length === 0 ? <p className="muted">No two waiting items are alike.</p> : null}
      {groups.map((group) => {
        const headingId = `group-${group.key}`;
        return (
          <section key={group.key} className="batch-group" aria-labelledby={headingId}>
            <header className="batch-group-header">
              <h2 id={headingId}>
                {plural(group.count, 'similar item')}: {categoryLabels[group.shared.category]} ·{' '}
                {actionLabels[group.shared.action]}
              </h2>
              <button
                type="button"
                className="button"
                onClick={() => selectGroup(group)}
                disabled={!choosing}
                aria-keyshortcuts="Shift+X"
              >
                Select all in this group
              </button>
            </header>
            <p className="batch-shared">
              Share: {categoryLabels[group.shared.category]}, flags{' '}
              {group.shared.flags.length
                ? group.shared.flags.map((f) => flagLabels[f]).join(', ')
                : 'none'}
              , draft “{group.shared.excerpt}” (similarity ≥{' '}
              {Math.round(group.shared.similarity * 100)}%)
            </p>
            <p className="batch-differs">
              Differ:{' '}
              {group.differs.amounts
                ? `amounts ${formatMoney(group.differs.amounts.min, group.differs.amounts.currency ?? 'USD')}–${formatMoney(group.differs.amounts.max, group.differs.amounts.currency ?? 'USD')}, `
                : ''}
              {plural(group.differs.customers, 'customer')}, levels{' '}
              {group.differs.levels.map((l) => levelLabels[l]).join(', ')}
            </p>
            <ul className="batch-items">
              {group.items.map((item) => {
                index += 1;
                const i = index;
                const label = `#${item.ticketNumber} ${item.subject}`;
                return (
                  <li key={item.id} className={i === active ? 'batch-item active' : 'batch-item'}>
                    <label>
                      <input
                        ref={(el) => {
                          rowRefs.current[i] = el;
                        }}
                        type="checkbox"
                        checked={selected.has(item.id)}
                        disabled={!choosing}
                        tabIndex={i === active ? 0 : -1}
                        onFocus={() => setActive(i)}
                        onClick={(e) => {
                          e.preventDefault();
                          setActive(i);
                          if (e.shiftKey) selectRange(i);
                          else toggle(i);
                        }}
                        onChange={() => undefined}
                        onKeyDown={(e) => {
                          // Space toggles like x does (the click handler owns the state).
                          if (e.key === ' ') {
                            e.preventDefault();
                            toggle(i);
                          }
                        }}
                        aria-label={label}
                      />
                      <span className="batch-item-ticket">#{item.ticketNumber}</span>{' '}
                      <span className="batch-item-subject">{item.subject}</span>
                    </label>
                    <span className="batch-item-meta">
                      {item.customerName} · {levelLabels[item.level]}
                      {item.amount !== null
                        ? ` · ${formatMoney(item.amount, item.currency ?? 'USD')}`
                        : ''}
                      {item.assignee ? ` · held by ${item.assignee.name}` : ''}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function BatchBar({
  count,
  stage,
  form,
  setForm,
  onDecide,
  onUndo,
  onClear,
  level,
  teams,
}: {
  count: number;
  stage: Stage;
  form: Form;
  setForm: (form: Form) => void;
  onDecide: (decision: BatchDecision) => void;
  onUndo: () => void;
  onClear: () => void;
  level: Level | undefined;
  teams: readonly Team[] | undefined;
}) {
  const [reason, setReason] = useState('');
  // Only a team with members can take items; the server refuses the others anyway.
  const staffed = (teams ?? []).filter((t) => t.members.length > 0);
  const [teamId, setTeamId] = useState('');
  const [rerouteReason, setRerouteReason] = useState('');
  const targets = escalationTargets(level ?? 'l1');
  const [target, setTarget] = useState<Level | ''>('');
  const [note, setNote] = useState('');
  if (stage.kind === 'waiting') return <UndoWindow stage={stage} onUndo={onUndo} />;
  if (count === 0) return null;
  const chosenTarget = (target || targets[0]) as Exclude<Level, 'ai'> | undefined;
  return (
    <section className="batch-bar" aria-label="Decide the selected items">
      <p>
        <strong>{plural(count, 'item')} selected</strong>{' '}
        <button type="button" className="button button-quiet" onClick={onClear}>
          Clear selection
        </button>
      </p>
      {form === null ? (
        <div className="batch-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => onDecide({ action: 'approve' })}
            aria-keyshortcuts="Shift+A"
          >
            Approve {count}
          </button>
          {FORM_BUTTONS.map((b) => (
            <button
              key={b.form}
              type="button"
              className="button"
              onClick={() => setForm(b.form)}
              aria-keyshortcuts={b.keys}
            >
              {b.label} {count}…
            </button>
          ))}
        </div>
      ) : null}
      {form === 'reject' ? (
        <BatchForm
          submitLabel={`Reject ${count}`}
          onSubmit={() => {
            if (reason.trim().length >= 5) onDecide({ action: 'reject', reason: reason.trim() });
          }}
          onCancel={() => setForm(null)}
        >
          <NoteField
            label={`Reason for rejecting all ${count} (required)`}
            value={reason}
            onChange={setReason}
          />
        </BatchForm>
      ) : null}
      {form === 'escalate' ? (
        <BatchForm
          submitLabel={`Escalate ${count}`}
          onSubmit={() => {
            if (chosenTarget && note.trim().length >= 5)
              onDecide({ action: 'escalate', targetLevel: chosenTarget, note: note.trim() });
          }}
          onCancel={() => setForm(null)}
        >
          <label>
            Escalate to{' '}
            <select value={chosenTarget ?? ''} onChange={(e) => setTarget(e.target.value as Level)}>
              {targets.map((l) => (
                <option key={l} value={l}>
                  {levelLabels[l]}
                </option>
              ))}
            </select>
          </label>
          <NoteField label="Note for the next level (required)" value={note} onChange={setNote} />
        </BatchForm>
      ) : null}
      {form === 'reroute' ? (
        <BatchForm
          submitLabel={`Re-route ${count}`}
          onSubmit={() => {
            const chosen = teamId || staffed[0]?.id;
            if (chosen && rerouteReason.trim().length >= 5)
              onDecide({ action: 'reroute', teamId: chosen, reason: rerouteReason.trim() });
          }}
          onCancel={() => setForm(null)}
        >
          <label>
            Send to team{' '}
            <select
              value={teamId || staffed[0]?.id || ''}
              onChange={(e) => setTeamId(e.target.value)}
            >
              <TeamOptions teams={staffed} />
            </select>
          </label>
          <NoteField
            label={`Reason for re-routing all ${count} (required)`}
            value={rerouteReason}
            onChange={setRerouteReason}
          />
        </BatchForm>
      ) : null}
    </section>
  );
}

/** A batch decision's form: Ctrl+Enter sends it, Esc closes it. */
function BatchForm({
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: React.ReactNode;
}) {
  return (
    <form
      className="batch-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.requestSubmit();
      }}
    >
      {children}
      <button type="submit" className="button button-primary" aria-keyshortcuts="Control+Enter">
        {submitLabel}
      </button>{' '}
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

function NoteField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {label}
      <textarea
        value={value}
        onChange={(e) => onChange(e.target.value)}
        minLength={5}
        required
        // biome-ignore lint/a11y/noAutofocus: the form opened on the reviewer's keypress.
        autoFocus
      />
    </label>
  );
}

function UndoWindow({
  stage,
  onUndo,
}: {
  stage: Extract<Stage, { kind: 'waiting' }>;
  onUndo: () => void;
}) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((stage.sendAt - now) / 1000));
  return (
    <section className="batch-bar batch-undo" aria-label="Undo the batch">
      <p role="status">
        {verbs[stage.decision.action][1]} {plural(stage.ids.length, 'item')} in {seconds} s
      </p>
      <button
        type="button"
        className="button button-primary"
        onClick={onUndo}
        aria-keyshortcuts="Z"
        // biome-ignore lint/a11y/noAutofocus: the one thing to do now is possibly undo.
        autoFocus
      >
        Undo (z)
      </button>
    </section>
  );
}

const outcomeLabels = { applied: 'Applied', refused: 'Refused', conflict: 'Conflict' } as const;

function BatchProgress({
  pending,
  error,
  onRetry,
  result,
  onOpenFirstRefused,
  titles,
}: {
  pending: boolean;
  error: string | null;
  onRetry: () => void;
  result: BatchDecisionResult | undefined;
  onOpenFirstRefused: (() => void) | null;
  titles: Map<string, string>;
}) {
  if (pending) {
    return (
      <section className="batch-bar" aria-label="Batch progress">
        <p role="status">Deciding the batch; each item is checked on its own…</p>
        <progress aria-label="Deciding the batch" />
      </section>
    );
  }
  if (error) {
    return (
      <div className="notice notice-warning" role="alert">
        The batch did not go through: {error}. Sending it again applies nothing twice.{' '}
        <button type="button" className="button" onClick={onRetry}>
          Send again
        </button>
      </div>
    );
  }
  if (!result) return null;
  return (
    <section className="batch-result" aria-label="Batch result">
      <p role="status">
        Batch {shortBatchId(result.batchId)}: {result.applied} applied, {result.refused} refused,{' '}
        {result.conflicts} conflicts.
      </p>
      {onOpenFirstRefused ? (
        <button type="button" className="button" onClick={onOpenFirstRefused} aria-keyshortcuts="O">
          Open the first refused item (o)
        </button>
      ) : null}
      <ul>
        {result.results.map((r) => (
          <li key={r.id} className={`batch-outcome batch-outcome-${r.outcome}`}>
            <strong>{outcomeLabels[r.outcome]}</strong> {titles.get(r.id) ?? r.id}
            {r.problem ? `: ${r.problem.detail ?? r.problem.title}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
