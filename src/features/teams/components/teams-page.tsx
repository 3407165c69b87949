import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { ApiError } from '../../../api/errors';
import type { Team, TeamDirectory, TeamRule } from '../../../api/team-schemas';
import { ErrorNotice } from '../../../components/error-notice';
import { FieldMessage, invalidProps } from '../../../components/field-message';
import { ShortcutButton } from '../../../components/shortcut-button';
import { FormError } from '../../../components/text-field';
import { categoryLabels } from '../../../domain/labels';
import { levelLabels } from '../../../domain/levels';
import { describeRule } from '../../../domain/teams';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { userQueries } from '../../../lib/handoff-queries';
import { useIntentKey } from '../../../lib/idempotency';
import { teamMutations, teamQueries } from '../api/queries';
import { RuleForm, TeamForm } from './team-forms';
import './teams.css';

/**
 * The teams a lead runs: who handles which work, the levels inside each team, its people and
 * SLA target, and the rules that send items there. n adds a team, r a rule, w previews the
 * load per team, Ctrl+S saves with a reason.
 */
export function TeamsPage() {
  const current = useQuery(teamQueries.current());
  if (current.error) {
    return (
      <main id="main" className="page teams-page">
        <h1>Teams</h1>
        <ErrorNotice error={current.error} onRetry={() => void current.refetch()} />
      </main>
    );
  }
  if (!current.data) {
    return (
      <main id="main" className="page teams-page">
        <h1>Teams</h1>
        <p>Loading the teams…</p>
      </main>
    );
  }
  return <TeamsEditor key={current.data.version} directory={current.data} />;
}

function TeamsEditor({ directory }: { directory: TeamDirectory }) {
  const users = useQuery(userQueries.list());
  const [teams, setTeams] = useState<Team[]>(directory.teams);
  const [rules, setRules] = useState<TeamRule[]>(directory.rules);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const preview = useMutation(teamMutations.whatIf());
  const save = useMutation(teamMutations.change());
  const saveIntent = useIntentKey('teams-save');
  const nameRef = useRef<HTMLInputElement>(null);
  const kindRef = useRef<HTMLSelectElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const reasonId = useId();
  const byId = new Map(teams.map((t) => [t.id, t]));
  const changed = JSON.stringify({ teams, rules }) !== JSON.stringify(directory);
  const edited =
    JSON.stringify(teams) !== JSON.stringify(directory.teams) ||
    JSON.stringify(rules) !== JSON.stringify(directory.rules);

  const edit = (next: { teams?: Team[]; rules?: TeamRule[] }) => {
    if (next.teams) setTeams(next.teams);
    if (next.rules) setRules(next.rules);
    setErrors({});
    preview.reset();
  };
  const runPreview = () => preview.mutate({ teams, rules });
  const runSave = () => {
    if (reason.trim().length < 5) {
      setErrors({ '/reason': 'Say why the teams change (at least 5 characters).' });
      reasonRef.current?.focus();
      return;
    }
    const body = { version: directory.version, teams, rules, reason };
    save.mutate(
      { body, key: saveIntent.current(JSON.stringify(body)) },
      {
        onSuccess: () => saveIntent.drop(),
        onError: (error) => {
          // A refused save is an answer, not a glitch: a new attempt is a new intent.
          saveIntent.drop();
          const problem = error instanceof ApiError ? error.problem : null;
          if (problem?.code === 'validation' && problem.errors) {
            setErrors(Object.fromEntries(problem.errors.map((e) => [e.pointer, e.message])));
          }
        },
      },
    );
  };

  useShortcuts([
    { key: 'n', handler: () => nameRef.current?.focus(), label: 'Add a team' },
    { key: 'r', handler: () => kindRef.current?.focus(), label: 'Add a team rule' },
    { key: 'w', handler: runPreview, label: 'Preview the load per team' },
    {
      key: 'mod+s',
      inFields: true,
      handler: (e) => {
        e.preventDefault();
        runSave();
      },
      enabled: edited,
      label: 'Save the teams',
    },
  ]);

  const people = users.data?.items ?? [];
  const formErrors = Object.entries(errors).filter(([p]) => p !== '/reason');

  return (
    <main id="main" className="page teams-page">
      <h1>Teams</h1>
      <p>
        Version {directory.version}, by {directory.updatedBy.name}. An item goes to the team of the
        first rule that fires; an item no rule claims goes to the first team handling its category.
      </p>

      <section aria-labelledby="teams-heading">
        <h2 id="teams-heading">Teams</h2>
        <div className="table-scroll">
          <table className="teams-table">
            <caption className="visually-hidden">Teams and what each handles</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Categories</th>
                <th scope="col">Languages</th>
                <th scope="col">Levels</th>
                <th scope="col">Members</th>
                <th scope="col">SLA target</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {teams.map((t, i) => (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th>
                  <td>{t.categories.map((c) => categoryLabels[c]).join(', ') || '—'}</td>
                  <td>{t.languages.join(', ') || '—'}</td>
                  <td>{t.levels.map((l) => levelLabels[l]).join(' → ')}</td>
                  <td>
                    {t.members.map((m) => m.name).join(', ') || 'Nobody yet'}
                    <FieldMessage id={`team-${i}`} message={errors[`/teams/${i}/id`]} />
                  </td>
                  <td>{t.slaTargetMinutes} min</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Remove ${t.name}`}
                      onClick={() => edit({ teams: teams.filter((x) => x.id !== t.id) })}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">Rules, in order</h2>
        <ol className="team-rules">
          {rules.map((r, i) => {
            const id = `team-rule-${i}`;
            const message = errors[`/rules/${i}/teamId`] ?? errors[`/rules/${i}/id`];
            return (
              <li key={r.id} id={id} {...invalidProps(id, message)}>
                {describeRule(r, byId.get(r.teamId))}{' '}
                <button
                  type="button"
                  className="button"
                  aria-label={`Remove the rule ${describeRule(r, byId.get(r.teamId))}`}
                  onClick={() => edit({ rules: rules.filter((x) => x.id !== r.id) })}
                >
                  Remove
                </button>
                <FieldMessage id={id} message={message} />
              </li>
            );
          })}
        </ol>
      </section>

      <div className="team-forms">
        <TeamForm
          people={people}
          taken={new Set(teams.map((t) => t.id))}
          nameRef={nameRef}
          onAdd={(t) => edit({ teams: [...teams, t] })}
        />
        <RuleForm teams={teams} kindRef={kindRef} onAdd={(r) => edit({ rules: [r, ...rules] })} />
      </div>

      <section aria-labelledby="load-heading">
        <h2 id="load-heading">Load per team</h2>
        <ShortcutButton shortcut="w" onClick={runPreview} disabled={preview.isPending}>
          Preview load
        </ShortcutButton>
        {preview.error ? <ErrorNotice error={preview.error} /> : null}
        {preview.data ? (
          <table className="teams-table">
            <caption>
              {preview.data.replayed} items: the open queue and last week’s reviewed items
            </caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Now</th>
                <th scope="col">With this edit</th>
              </tr>
            </thead>
            <tbody>
              {preview.data.teams.map((t) => (
                <tr key={t.teamId ?? 'none'}>
                  <th scope="row">{t.name}</th>
                  <td>{t.before}</td>
                  <td>{t.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="save-heading">
        <h2 id="save-heading">Save</h2>
        <div className="field">
          <label htmlFor={reasonId}>Why the teams change</label>
          <textarea
            id={reasonId}
            ref={reasonRef}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...invalidProps(reasonId, errors['/reason'])}
          />
          <FieldMessage id={reasonId} message={errors['/reason']} />
        </div>
        {formErrors.length > 0 ? (
          <FormError message={`Not saved: ${formErrors.map(([, m]) => m).join(' ')}`} />
        ) : null}
        {save.error &&
        !(save.error instanceof ApiError && save.error.problem?.code === 'validation') ? (
          <ErrorNotice error={save.error} />
        ) : null}
        <ShortcutButton
          shortcut="Ctrl+S"
          onClick={runSave}
          disabled={!edited || save.isPending}
          className="button button-primary"
        >
          Save teams
        </ShortcutButton>
        {!changed ? <p>No changes yet.</p> : null}
      </section>

      <TeamHistory />
    </main>
  );
}

function TeamHistory() {
  const changes = useQuery(teamQueries.changes());
  const items = changes.data?.items ?? [];
  return (
    <section aria-labelledby="team-history-heading">
      <h2 id="team-history-heading">History</h2>
      {changes.error ? <ErrorNotice error={changes.error} /> : null}
      {items.length === 0 ? <p>No changes since the desk started.</p> : null}
      <ol className="team-history">
        {items.map((c) => (
          <li key={c.id}>
            Version {c.after.version}: {c.by.name}, {new Date(c.at).toLocaleString()} — “{c.reason}”
          </li>
        ))}
      </ol>
    </section>
  );
}
