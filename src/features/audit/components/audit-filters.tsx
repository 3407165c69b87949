import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { actorTypeSchema, auditLogActionSchema } from '../../../api/audit-schemas';
import type { User } from '../../../api/handoff-schemas';
import { flagRuleSchema } from '../../../api/handoff-schemas';
import { ChoiceField } from '../../../components/choice-select';
import { flagRuleLabels } from '../../../domain/flags';
import type { UpdateSearch } from '../../../hooks/use-list-page';
import { type AuditSearch, isoToLocal, localToIso } from '../audit-search';
import { actionLabels, actorTypeLabels } from '../labels';

export type UpdateAuditSearch = UpdateSearch<AuditSearch>;

interface AuditFiltersProps {
  search: AuditSearch;
  update: UpdateAuditSearch;
  users: User[] | undefined;
  searchInputRef: RefObject<HTMLInputElement | null>;
  onClear: (() => void) | null;
}

const TYPING_DEBOUNCE_MS = 250;

type ChoiceFilterField = 'action' | 'rule';

/** The filters that pick one value of a closed set, or any. */
const choiceFilters: {
  field: ChoiceFilterField;
  label: string;
  choices: readonly string[];
  labels: Readonly<Record<string, string>>;
  noneLabel: string;
}[] = [
  {
    field: 'action',
    label: 'Action',
    choices: auditLogActionSchema.options,
    labels: actionLabels,
    noneLabel: 'Any action',
  },
  {
    field: 'rule',
    label: 'Rule',
    choices: flagRuleSchema.options,
    labels: flagRuleLabels,
    noneLabel: 'Any rule',
  },
];

/** The chosen value is one of the filter's choices: the select offers no other. */
const choicePatch = (field: ChoiceFilterField, value: string | undefined) =>
  ({ [field]: value }) as Partial<AuditSearch>;

/** Who, what, which item, which rule, when and free text: every filter labelled, all in the URL. */
export function AuditFilters({
  search,
  update,
  users,
  searchInputRef,
  onClear,
}: AuditFiltersProps) {
  const ids = { actor: useId() };
  return (
    <search className="audit-filters" aria-label="Audit log filters">
      <TextFilter
        label="Search"
        placeholder="Outcome, reason, person, item…  ( / )"
        value={search.q}
        onChange={(q) => update({ q }, { replace: true })}
        inputRef={searchInputRef}
        keyShortcut="/"
      />
      <TextFilter
        label="Item"
        placeholder="h-4521 or #4521"
        value={search.item}
        onChange={(item) => update({ item })}
      />
      <div className="audit-control">
        <label htmlFor={ids.actor}>Who</label>
        <select
          id={ids.actor}
          value={search.actor ?? ''}
          onChange={(e) => update({ actor: e.target.value || undefined })}
        >
          <option value="">Anyone</option>
          {actorTypeSchema.options.map((t) => (
            <option key={t} value={t}>
              Any {actorTypeLabels[t] === 'Person' ? 'person' : actorTypeLabels[t]}
            </option>
          ))}
          {users?.length ? (
            <optgroup label="People">
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </div>
      {choiceFilters.map(({ field, ...choice }) => (
        <ChoiceField
          key={field}
          className="audit-control"
          {...choice}
          value={search[field]}
          onChoose={(value) => update(choicePatch(field, value))}
        />
      ))}
      <MomentFilter label="From" value={search.from} onChange={(from) => update({ from })} />
      <MomentFilter label="To" value={search.to} onChange={(to) => update({ to })} />
      {onClear ? (
        <button type="button" className="button audit-clear" onClick={onClear}>
          Clear filters
        </button>
      ) : null}
    </search>
  );
}

/** A moment filter: the browser's local date and time, an ISO instant in the URL. */
function MomentFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="audit-control">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="datetime-local"
        value={isoToLocal(value)}
        onChange={(e) => onChange(localToIso(e.target.value))}
      />
    </div>
  );
}

/** A text filter that follows typing after a short pause and follows the URL when it moves. */
function TextFilter({
  label,
  placeholder,
  value,
  onChange,
  inputRef,
  keyShortcut,
}: {
  label: string;
  placeholder: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
  keyShortcut?: string;
}) {
  const id = useId();
  const [text, setText] = useState(value ?? '');
  const [typed, setTyped] = useState<string | null>(null);
  const latest = useRef(onChange);
  latest.current = onChange;
  // The URL changed by itself (Back, a shared link, "Clear filters"): show what it says.
  useEffect(() => {
    setText(value ?? '');
    setTyped(null);
  }, [value]);
  useEffect(() => {
    if (typed === null) return;
    const timer = setTimeout(() => latest.current(typed.trim() || undefined), TYPING_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  return (
    <div className="audit-control audit-text">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type="search"
        value={text}
        placeholder={placeholder}
        aria-keyshortcuts={keyShortcut}
        onChange={(e) => {
          setText(e.target.value);
          setTyped(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
        }}
      />
    </div>
  );
}
