import { type FormEvent, type RefObject, useId, useState } from 'react';
import {
  type Category,
  categorySchema,
  type Level,
  levelSchema,
} from '../../../api/handoff-schemas';
import type { Team, TeamRule } from '../../../api/team-schemas';
import { TeamOptions } from '../../../components/team-options';
import { FormError, TextField } from '../../../components/text-field';
import { categoryLabels } from '../../../domain/labels';
import { levelLabels } from '../../../domain/levels';

const teamLevels = levelSchema.options.filter((l): l is Exclude<Level, 'ai'> => l !== 'ai');

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

const toggled = <T,>(list: readonly T[], value: T) =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

function Checks<T extends string>({
  legend,
  options,
  labels,
  chosen,
  onChange,
}: {
  legend: string;
  options: readonly T[];
  labels: (value: T) => string;
  chosen: readonly T[];
  onChange: (next: T[]) => void;
}) {
  return (
    <fieldset className="team-checks">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o}>
          <input
            type="checkbox"
            checked={chosen.includes(o)}
            onChange={() => onChange(toggled(chosen, o))}
          />{' '}
          {labels(o)}
        </label>
      ))}
    </fieldset>
  );
}

/** A new team: its name, the work it handles, its ladder, its people and its SLA target. */
export function TeamForm({
  people,
  taken,
  nameRef,
  onAdd,
}: {
  people: readonly { id: string; name: string }[];
  taken: ReadonlySet<string>;
  nameRef: RefObject<HTMLInputElement | null>;
  onAdd: (team: Team) => void;
}) {
  const [name, setName] = useState('');
  const [categories, setCategories] = useState<Category[]>([]);
  const [languages, setLanguages] = useState('en');
  const [levels, setLevels] = useState<Exclude<Level, 'ai'>[]>(['l1', 'l2']);
  const [members, setMembers] = useState<string[]>([]);
  const [sla, setSla] = useState('120');
  const [error, setError] = useState<string>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = slug(name);
    const minutes = Number(sla);
    if (name.trim().length < 2 || !id) return setError('Name the team (at least 2 characters).');
    if (taken.has(id)) return setError(`There is already a team called “${name.trim()}”.`);
    if (levels.length === 0) return setError('Pick at least one level for the team.');
    if (!Number.isInteger(minutes) || minutes < 1)
      return setError('The SLA target is whole minutes.');
    setError(undefined);
    onAdd({
      id,
      name: name.trim(),
      categories,
      languages: languages
        .split(',')
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean),
      levels: teamLevels.filter((l) => levels.includes(l)),
      members: people.filter((p) => members.includes(p.id)).map(({ id, name }) => ({ id, name })),
      slaTargetMinutes: minutes,
    });
    setName('');
    setMembers([]);
    setCategories([]);
  };

  return (
    <form className="team-form" aria-label="Add a team" onSubmit={submit}>
      <h3>Add a team</h3>
      <TextField label="Team name" value={name} onValue={setName} ref={nameRef} />
      <Checks
        legend="Categories it handles"
        options={categorySchema.options}
        labels={(c) => categoryLabels[c]}
        chosen={categories}
        onChange={setCategories}
      />
      <TextField
        label="Languages (codes, comma-separated)"
        value={languages}
        onValue={setLanguages}
      />
      <Checks
        legend="Levels inside the team"
        options={teamLevels}
        labels={(l) => levelLabels[l]}
        chosen={levels}
        onChange={setLevels}
      />
      <Checks
        legend="Members"
        options={people.map((p) => p.id)}
        labels={(id) => people.find((p) => p.id === id)?.name ?? id}
        chosen={members}
        onChange={setMembers}
      />
      <TextField label="SLA target (minutes)" inputMode="numeric" value={sla} onValue={setSla} />
      <FormError message={error} />
      <button type="submit" className="button">
        Add team
      </button>
    </form>
  );
}

const ruleKinds = {
  keyword: 'Policy keyword',
  churn_risk: 'High-value customer at churn risk',
  language: 'Language',
} as const satisfies Record<TeamRule['when'], string>;

/** A new rule: what it looks at and the team it sends the item to. */
export function RuleForm({
  teams,
  kindRef,
  onAdd,
}: {
  teams: readonly Team[];
  kindRef: RefObject<HTMLSelectElement | null>;
  onAdd: (rule: TeamRule) => void;
}) {
  const kindId = useId();
  const teamId = useId();
  const [when, setWhen] = useState<TeamRule['when']>('keyword');
  const [value, setValue] = useState('');
  const [team, setTeam] = useState('');
  const [error, setError] = useState<string>();
  const target = team || teams[0]?.id || '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = value.trim();
    if (!target) return setError('Add a team first.');
    const id = `${when}-${slug(v) || 'rule'}-${Date.now().toString(36)}`;
    if (when === 'churn_risk') {
      const n = Number(v || '2');
      if (!Number.isInteger(n) || n < 0) return setError('Earlier complaints is a whole number.');
      onAdd({ id, when, minPriorComplaints: n, teamId: target });
    } else if (v.length < 2) {
      return setError(when === 'keyword' ? 'Name the keyword.' : 'Name the language code.');
    } else if (when === 'keyword') {
      onAdd({ id, when, keyword: v, teamId: target });
    } else {
      onAdd({ id, when, language: v.toLowerCase(), teamId: target });
    }
    setError(undefined);
    setValue('');
  };

  const valueLabel =
    when === 'keyword'
      ? 'Keyword the ticket says'
      : when === 'language'
        ? 'Language code'
        : 'At least this many earlier complaints';

  return (
    <form className="team-form" aria-label="Add a rule" onSubmit={submit}>
      <h3>Add a rule</h3>
      <div className="field">
        <label htmlFor={kindId}>When</label>
        <select
          id={kindId}
          ref={kindRef}
          value={when}
          onChange={(e) => setWhen(e.target.value as TeamRule['when'])}
        >
          {Object.entries(ruleKinds).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <TextField label={valueLabel} value={value} onValue={setValue} />
      <div className="field">
        <label htmlFor={teamId}>Send to team</label>
        <select id={teamId} value={target} onChange={(e) => setTeam(e.target.value)}>
          <TeamOptions teams={teams} />
        </select>
      </div>
      <FormError message={error} />
      <button type="submit" className="button">
        Add rule
      </button>
    </form>
  );
}
