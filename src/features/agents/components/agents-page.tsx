import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import {
  type AgentKey,
  agentNameSchema,
  type CreatedAgentKey,
  type Run,
} from '../../../api/agent-schemas';
import { CreateForm, type CreateFormProps } from '../../../components/create-form';
import { ErrorNotice } from '../../../components/error-notice';
import { FieldMessage, invalidProps } from '../../../components/field-message';
import { ConfirmButton, RowButton } from '../../../components/row-button';
import { SecretNotice } from '../../../components/secret-notice';
import { SelectionList } from '../../../components/selection-table';
import { useListSelection } from '../../../hooks/use-list-selection';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { agentRunQueries } from '../../../lib/agent-queries';
import { useSecondClock } from '../../../lib/clock';
import { userQueries } from '../../../lib/handoff-queries';
import { formatDateTime, formatDuration } from '../../../lib/time';
import { useSessionStore } from '../../../stores/session-store';
import { agentMutations, agentQueries } from '../api/queries';
import { agentsOf, heartbeatAge, runStatusLabels, waitingOn } from './run-words';
import './agents.css';

/**
 * The agents at work and their runs: heartbeat age, what each run waits on, lost runs with a
 * link to the failed item a person picks up. Leads also issue and revoke the agents' keys.
 * n / p pick a run and o opens its item; for leads Alt+N names a new key, j / k pick a key and
 * x revokes it (x again to confirm).
 */
export function AgentsPage() {
  const actorId = useSessionStore((s) => s.actorId);
  const me = useQuery(userQueries.me(actorId)).data;
  const lead = me?.role === 'lead';
  const runs = useQuery(agentRunQueries.list());
  const keys = useQuery({ ...agentQueries.keys(), enabled: lead });
  const items = runs.data?.items ?? [];
  const liveNames = (keys.data?.items ?? []).filter((k) => !k.revokedAt).map((k) => k.name);
  const agents = agentsOf(items, liveNames);
  const now = useSecondClock();

  return (
    <main id="main" className="page agents-page">
      <h1>Agents</h1>
      <p>
        The AI agents connected to the desk and their runs. A run renews its lease by heartbeat; a
        run whose lease lapses is lost, and its ticket waits for a person as a failed item.
      </p>
      {runs.error ? <ErrorNotice error={runs.error} /> : null}

      <section aria-labelledby="agents-list">
        <h2 id="agents-list">Agents</h2>
        {runs.data && agents.length === 0 ? <p>No agent has started a run yet.</p> : null}
        {agents.length ? (
          <table className="agents-table">
            <caption className="visually-hidden">Agents and their runs</caption>
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Live runs</th>
                <th scope="col">Lost runs</th>
                <th scope="col">Last heartbeat</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <tr key={a.name}>
                  <th scope="row">{a.name}</th>
                  <td>{a.live}</td>
                  <td className={a.lost > 0 ? 'agents-lost' : undefined}>{a.lost}</td>
                  <td>
                    {a.lastHeartbeatAt
                      ? `${formatDuration(now - Date.parse(a.lastHeartbeatAt))} ago`
                      : 'Never'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <Runs runs={items} now={now} />
      {lead ? <Keys keys={keys.data?.items ?? []} error={keys.error} /> : null}
    </main>
  );
}

function Runs({ runs, now }: { runs: Run[]; now: number }) {
  const navigate = useNavigate();
  const { selected, select, move } = useListSelection(runs);
  const open = (r: Run | null) => {
    if (r?.handoffId)
      void navigate({ to: '/handoffs/$handoffId', params: { handoffId: r.handoffId } });
  };
  useShortcuts([
    { key: 'n', handler: () => move(1), label: 'Next run' },
    { key: 'p', handler: () => move(-1), label: 'Previous run' },
    {
      key: 'o',
      handler: () => open(selected),
      enabled: Boolean(selected?.handoffId),
      label: 'Open the run’s item',
    },
  ]);
  return (
    <section aria-labelledby="agents-runs">
      <h2 id="agents-runs">Runs</h2>
      <SelectionList
        className="agents-table"
        caption="Runs, newest first"
        columns={['Ticket', 'Agent', 'Status', 'Waiting on', 'Heartbeat', 'Item']}
        rows={runs}
        empty={<p>No runs yet.</p>}
        selected={selected}
        onSelect={(r) => select(r.id)}
        label={(r) => r.subject || r.id}
        cells={(r, isSelected) => (
          <>
            <td>{r.agent.name}</td>
            <td className={r.status === 'lost' ? 'agents-lost' : undefined}>
              {runStatusLabels[r.status]}
            </td>
            <td>{waitingOn(r)}</td>
            <td>{heartbeatAge(r, now)}</td>
            <td>
              {r.handoffId ? (
                <Link
                  to="/handoffs/$handoffId"
                  params={{ handoffId: r.handoffId }}
                  aria-keyshortcuts={isSelected ? 'o' : undefined}
                  aria-label={`Open the item for ${r.subject || r.id}`}
                >
                  Open{isSelected ? <kbd aria-hidden> o</kbd> : null}
                </Link>
              ) : (
                '—'
              )}
            </td>
          </>
        )}
      />
    </section>
  );
}

function Keys({ keys, error }: { keys: AgentKey[]; error: Error | null }) {
  const revoke = useMutation(agentMutations.revokeKey());
  const [shown, setShown] = useState<CreatedAgentKey | null>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const live = keys.filter((k) => !k.revokedAt);
  const { selected, select, move, armed: revoking, arm, pressTwice } = useListSelection(live);
  const revokeKey = (k: AgentKey | null) =>
    pressTwice(k, (key) => revoke.mutate(key.id, { onSuccess: () => select(null) }));
  useShortcuts([
    {
      key: 'alt+n',
      handler: () => nameField.current?.focus(),
      inFields: true,
      label: 'Name a new agent key',
    },
    { key: 'j', handler: () => move(1), label: 'Next key' },
    { key: 'k', handler: () => move(-1), label: 'Previous key' },
    {
      key: 'x',
      handler: () => revokeKey(selected),
      enabled: selected !== null,
      label: 'Revoke the key',
    },
  ]);
  return (
    <section aria-labelledby="agents-keys">
      <h2 id="agents-keys">Agent keys</h2>
      <p>
        An agent signs its calls with its key (<code>Authorization: Bearer hd_…</code>); everything
        it does is recorded under its name.
      </p>
      <CreateKey
        field={nameField}
        onCreated={(created) => {
          // The new key is the one a lead acts on next (hands it over, or revokes a mistake).
          setShown(created);
          select(created.id);
        }}
      />
      {shown ? (
        <SecretNotice
          key={shown.id}
          className="agents-secret"
          title={`The key for ${shown.name}`}
          secret={shown.secret}
          advice="Give it to the agent now: it is stored only as a hash and is not shown again."
          onDismiss={() => setShown(null)}
        />
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
      <SelectionList
        className="agents-table"
        caption="Agent keys, newest first"
        columns={['Agent', 'Key', 'Issued', 'Last used', 'State', 'Actions']}
        rows={keys}
        empty={<p>No keys yet.</p>}
        selected={selected}
        onSelect={(k) => !k.revokedAt && select(k.id)}
        label={(k) => k.name}
        cells={(k, isSelected) => (
          <>
            <td>
              <code>{k.hint}…</code>
            </td>
            <td>
              {formatDateTime(k.createdAt)}
              {k.createdBy ? ` by ${k.createdBy.name}` : ' at server start'}
            </td>
            <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Never'}</td>
            <td>
              {k.revokedAt
                ? `Revoked ${formatDateTime(k.revokedAt)}${k.revokedBy ? ` by ${k.revokedBy.name}` : ''}`
                : 'Live'}
            </td>
            <td>
              {k.revokedAt ? null : isSelected ? (
                <ConfirmButton
                  shortcut="x"
                  armed={revoking === k.id}
                  verb="Revoke"
                  object={`the key of ${k.name}`}
                  confirm="Confirm revoke"
                  disabled={revoke.isPending}
                  onClick={() => revokeKey(k)}
                />
              ) : (
                <RowButton aria-label={`Revoke the key of ${k.name}`} onClick={() => arm(k)}>
                  Revoke
                </RowButton>
              )}
            </td>
          </>
        )}
      />
    </section>
  );
}

function CreateKey({ field: nameField, onCreated }: CreateFormProps<CreatedAgentKey>) {
  const id = useId();
  const create = useMutation(agentMutations.createKey());
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = agentNameSchema.safeParse(name);
    if (!checked.success) {
      setMessage(checked.error.issues[0]?.message ?? 'Name the agent.');
      nameField.current?.focus();
      return;
    }
    setMessage(null);
    create.mutate(
      { name: checked.data },
      {
        onSuccess: (shown) => {
          setName('');
          onCreated(shown);
        },
      },
    );
  };
  return (
    <CreateForm
      className="agents-form"
      title="Issue a key"
      titleId={`${id}-title`}
      heading="h3"
      noValidate
      onSubmit={submit}
      error={create.error}
      pending={create.isPending}
      submit="Issue key"
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>
          Agent name <kbd aria-hidden>Alt+N</kbd>
        </label>
        <input
          ref={nameField}
          id={`${id}-name`}
          value={name}
          autoComplete="off"
          placeholder="Support agent"
          aria-keyshortcuts="Alt+N"
          {...invalidProps(`${id}-name`, message)}
          onChange={(e) => setName(e.target.value)}
        />
        <FieldMessage id={`${id}-name`} message={message} alert />
      </div>
    </CreateForm>
  );
}
