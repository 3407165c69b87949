import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/errors';
import { type Level, levelSchema, roleSchema } from '../../../api/handoff-schemas';
import type { Person, PersonPatch, SignInEvent } from '../../../api/session-schemas';
import { ErrorNotice } from '../../../components/error-notice';
import { SelectableRow, SelectionTable } from '../../../components/selection-table';
import { ShortcutButton } from '../../../components/shortcut-button';
import { VersionConflict } from '../../../components/version-conflict';
import { levelLabels } from '../../../domain/levels';
import { useListSelection } from '../../../hooks/use-list-selection';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { localMoment } from '../../../lib/time';
import { useSessionStore } from '../../../stores/session-store';
import { peopleMutations, peopleQueries } from '../api/queries';
import { AddPersonDialog, ResetPasswordDialog } from './person-dialogs';
import './people.css';
import { ChoiceSelect } from '../../../components/choice-select';

const levels = levelSchema.options.filter((l): l is Exclude<Level, 'ai'> => l !== 'ai');

const actionLabels: Record<SignInEvent['action'], string> = {
  signed_in: 'Signed in',
  sign_in_failed: 'Sign-in failed',
  signed_out: 'Signed out',
  signed_out_everywhere: 'Signed out everywhere',
  session_expired: 'Session expired',
  person_added: 'Added',
  role_changed: 'Role or level changed',
  disabled: 'Disabled',
  enabled: 'Enabled',
  password_reset: 'Password reset',
  access_requested: 'Asked for access',
};

const when = (iso: string | null) => localMoment(iso, 'never');

/**
 * People and their access, for leads and executives: j/k pick a person, u disables or enables,
 * n adds someone, p sets a new password.
 */
export function PeoplePage() {
  const people = useQuery(peopleQueries.list());
  const update = useMutation(peopleMutations.update());
  const me = useSessionStore((s) => s.actorId);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const items = people.data?.items ?? [];
  const { selected, select, move } = useListSelection(items);
  /** A change made on the version of the person on screen; a stale one opens the conflict. */
  const change = (p: Person, patch: Change) => {
    setConflict(null);
    update.mutate(
      { id: p.id, patch: { ...patch, version: p.version } },
      {
        onError: (error) => {
          const problem = error instanceof ApiError ? error.problem : null;
          if (problem?.code === 'version_conflict') {
            update.reset();
            setConflict({ seen: p, patch, detail: problem.detail });
          }
        },
      },
    );
  };
  const toggle = (p: Person | null) => {
    if (p && p.id !== me) change(p, { disabled: !p.disabled });
  };
  // The list refetches after every answer; once it holds a newer version, that is "now".
  const now = conflict ? items.find((p) => p.id === conflict.seen.id) : undefined;
  const current = now && now.version !== conflict?.seen.version ? now : null;
  useShortcuts([
    { key: 'j', handler: () => move(1), label: 'Next person' },
    { key: 'k', handler: () => move(-1), label: 'Previous person' },
    { key: 'u', handler: () => toggle(selected), label: 'Disable or enable the selected person' },
    { key: 'n', handler: () => setAdding(true), label: 'Add a person' },
    {
      key: 'p',
      handler: () => setResetting(true),
      enabled: !!selected && selected.id !== me,
      label: 'Set a new password for the selected person',
    },
  ]);

  return (
    <main id="main" className="page people-page">
      <h1>People</h1>
      <p>
        Who may sign in, at which role and level. A person who signs in with the identity provider
        for the first time waits here, disabled, until you enable them.
      </p>
      <div className="people-actions">
        <ShortcutButton shortcut="N" onClick={() => setAdding(true)}>
          Add person
        </ShortcutButton>
        {selected && selected.id !== me ? (
          <ShortcutButton shortcut="P" onClick={() => setResetting(true)}>
            Set password for {selected.name}
          </ShortcutButton>
        ) : null}
      </div>
      <AddPersonDialog open={adding} onOpenChange={setAdding} onAdded={(p) => select(p.id)} />
      {selected ? (
        <ResetPasswordDialog open={resetting} onOpenChange={setResetting} person={selected} />
      ) : null}
      {people.error ? <ErrorNotice error={people.error} /> : null}
      {update.error ? <ErrorNotice error={update.error} /> : null}
      {conflict ? (
        <VersionConflict
          title={`Someone changed ${conflict.seen.name} while you were looking.`}
          detail={conflict.detail}
          mine={{ version: conflict.seen.version, facts: factsOf(conflict.seen, conflict.patch) }}
          current={current ? { version: current.version, facts: factsOf(current) } : null}
          busy={update.isPending}
          onApplyMine={() => current && change(current, conflict.patch)}
          onKeepCurrent={() => setConflict(null)}
        />
      ) : null}
      <SelectionTable
        className="people-table"
        caption="People who may sign in"
        columns={['Name', 'Role', 'Level', 'Signs in with', 'Last sign-in', 'Access']}
      >
        {items.map((p) => (
          <PersonRow
            key={p.id}
            person={p}
            selected={p.id === selected?.id}
            own={p.id === me}
            onSelect={() => select(p.id)}
            onChange={(patch) => change(p, patch)}
          />
        ))}
      </SelectionTable>
      {selected ? <SignInTrail person={selected} /> : null}
    </main>
  );
}

type Change = Omit<PersonPatch, 'version'>;

interface Conflict {
  /** The person as they were when the change was made. */
  seen: Person;
  patch: Change;
  detail: string | undefined;
}

/** Role, level and access of `p`, with `patch` applied: what one side of a conflict says. */
const factsOf = (p: Person, patch: Change = {}) =>
  [
    ['Role', patch.role ?? p.role],
    ['Level', levelLabels[patch.level ?? p.level]],
    ['Access', (patch.disabled ?? p.disabled) ? 'Disabled' : 'Can sign in'],
  ] as const;

function PersonRow({
  person: p,
  selected,
  own,
  onSelect,
  onChange,
}: {
  person: Person;
  selected: boolean;
  own: boolean;
  onSelect: () => void;
  onChange: (patch: Change) => void;
}) {
  return (
    <SelectableRow selected={selected} onSelect={onSelect} label={p.name} id={p.id}>
      <td>
        <select
          aria-label={`Role of ${p.name}`}
          value={p.role}
          disabled={own}
          onChange={(e) => onChange({ role: roleSchema.parse(e.target.value) })}
        >
          {roleSchema.options.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </td>
      <td>
        <ChoiceSelect
          aria-label={`Level of ${p.name}`}
          choices={levels}
          labels={levelLabels}
          value={p.level}
          disabled={own}
          onChoose={(level) => onChange({ level })}
        />
      </td>
      <td>{p.signIn}</td>
      <td>{when(p.lastSignInAt)}</td>
      <td>
        <button
          type="button"
          className={p.disabled ? 'button' : 'button button-danger'}
          disabled={own}
          aria-keyshortcuts={selected ? 'u' : undefined}
          onClick={() => onChange({ disabled: !p.disabled })}
        >
          {p.disabled ? `Enable ${p.name}` : `Disable ${p.name}`}
        </button>
      </td>
    </SelectableRow>
  );
}

function SignInTrail({ person }: { person: Person }) {
  const trail = useQuery(peopleQueries.signIns(person.id));
  return (
    <section aria-labelledby="sign-in-trail" className="people-trail">
      <h2 id="sign-in-trail">Sign-in trail of {person.name}</h2>
      {trail.error ? <ErrorNotice error={trail.error} /> : null}
      {trail.data && trail.data.items.length === 0 ? <p>Nothing yet.</p> : null}
      <ol>
        {trail.data?.items.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{when(e.at)}</time> · {actionLabels[e.action]}
            {e.method ? ` (${e.method})` : ''}
            {e.by ? ` by ${e.by.name}` : ''}
            {e.detail ? ` · ${e.detail}` : ''}
            {e.address ? ` · from ${e.address}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
