import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type DemoSettings,
  defaultDemoSettings,
  demoSettingsSchema,
} from '../../../api/demo-schemas';
import type { Role } from '../../../api/handoff-schemas';
import { ErrorNotice } from '../../../components/error-notice';
import { QueryState } from '../../../components/query-state';
import { RadioGroup } from '../../../components/ui/radio-group';
import { levelLabels } from '../../../domain/levels';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { useSwitchActor } from '../../../hooks/use-switch-actor';
import { userQueries } from '../../../lib/handoff-queries';
import { useIntentKey } from '../../../lib/idempotency';
import { useSessionStore } from '../../../stores/session-store';
import { demoMutations } from '../api/mutations';
import { demoQueries } from '../api/queries';
import './demo.css';
import { FieldMessage, invalidProps } from '../../../components/field-message';

const roleLabels: Record<Role, string> = {
  reviewer: 'Reviewer',
  manager: 'Manager',
  executive: 'Executive',
  lead: 'Team lead',
};

/** The form edits percentages as people think of them; the contract stores fractions. */
type Field = keyof DemoSettings;
type Draft = Record<Field, string>;
const percentFields: readonly Field[] = ['aiQuality', 'errorRate'];

function toDraft(settings: DemoSettings): Draft {
  const draft = {} as Draft;
  for (const [field, value] of Object.entries(settings) as [Field, number][]) {
    draft[field] = String(percentFields.includes(field) ? Math.round(value * 100) : value);
  }
  return draft;
}

function fromDraft(draft: Draft) {
  const raw: Record<string, number> = {};
  for (const [field, text] of Object.entries(draft) as [Field, string][]) {
    const n = text.trim() === '' ? Number.NaN : Number(text);
    raw[field] = percentFields.includes(field) ? n / 100 : n;
  }
  const parsed = demoSettingsSchema.safeParse(raw);
  if (parsed.success) return { settings: parsed.data, errors: {} };
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as Field;
    errors[field] ??= Number.isNaN(raw[field]) ? 'Enter a number.' : issue.message;
  }
  return { settings: null, errors };
}

/**
 * The demo floor: who you are, how busy the floor is, how good the AI is and how unreliable
 * the network — so an evaluator can watch the product cope with a living support floor.
 */
export function DemoFloor() {
  const settings = useQuery(demoQueries.settings());
  return (
    <main id="main" className="page demo-floor">
      <h1>Demo floor</h1>
      <p className="page-lede">
        Everything here runs in your browser. Change who you are, let tickets arrive, make the AI
        better or worse, and see how the queue, the checkpoint and the dashboard cope.
      </p>
      <WhoAmI />
      <QueryState query={settings} loading="Loading the demo controls…">
        {(saved) => <FloorControls saved={saved} />}
      </QueryState>
    </main>
  );
}

function WhoAmI() {
  const users = useQuery(userQueries.list());
  const actorId = useSessionStore((s) => s.actorId);
  const switchActor = useSwitchActor();
  return (
    <section aria-labelledby="demo-who" className="demo-section">
      <h2 id="demo-who">Who am I</h2>
      {users.isError ? (
        <ErrorNotice error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data ? (
        <RadioGroup
          label="Act as"
          value={actorId}
          onValueChange={switchActor}
          items={users.data.items.map((u) => ({
            value: u.id,
            label: u.name,
            description: `${roleLabels[u.role]} · ${levelLabels[u.level]}`,
          }))}
        />
      ) : (
        <p role="status">Loading people…</p>
      )}
    </section>
  );
}

interface FieldSpec {
  field: Field;
  label: string;
  unit: string;
  min: number;
  max: number;
  step: number;
  hint: string;
}

const traffic: FieldSpec[] = [
  {
    field: 'arrivalsPerMinute',
    label: 'Arrivals',
    unit: 'tickets a minute',
    min: 0,
    max: 120,
    step: 1,
    hint: 'New tickets from customers, routed by the current policy. 0 pauses them.',
  },
  {
    field: 'aiQuality',
    label: 'AI quality',
    unit: '%',
    min: 0,
    max: 100,
    step: 5,
    hint: 'Lower means less confident drafts and more confident-but-wrong ones. 80% is the seeded AI.',
  },
];

const chaos: FieldSpec[] = [
  {
    field: 'latencyMs',
    label: 'Latency',
    unit: 'ms',
    min: 0,
    max: 10_000,
    step: 50,
    hint: 'Added to every answer from the backend.',
  },
  {
    field: 'errorRate',
    label: 'Error rate',
    unit: '%',
    min: 0,
    max: 50,
    step: 1,
    hint: 'Share of requests that fail with “service unavailable”. Nothing changes on a failure.',
  },
];

function FloorControls({ saved }: { saved: DemoSettings }) {
  const [draft, setDraft] = useState(() => toDraft(saved));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  // One key per intent: a retry after a failure applies the same change once.
  const intent = useIntentKey('demo-settings');
  const save = useMutation({ ...demoMutations.saveSettings(), onSuccess: intent.drop });

  const apply = (next: Draft = draft) => {
    const { settings, errors } = fromDraft(next);
    setErrors(errors);
    if (settings) save.mutate({ settings, key: intent.current(JSON.stringify(settings)) });
  };
  const calm = () => {
    const next = toDraft({ ...defaultDemoSettings, aiQuality: Number(draft.aiQuality) / 100 || 0 });
    setDraft(next);
    intent.drop();
    apply(next);
  };
  useShortcuts([
    {
      key: 'mod+Enter',
      handler: () => apply(),
      inFields: true,
      label: 'Apply the demo settings',
    },
  ]);

  const edit = (field: Field, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    // A new value is a new intent.
    intent.drop();
  };
  const dirty = JSON.stringify(toDraft(saved)) !== JSON.stringify(draft);

  return (
    <form
      className="demo-controls"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <FieldGroup title="Traffic" specs={traffic} draft={draft} errors={errors} onEdit={edit} />
      <FieldGroup title="Chaos" specs={chaos} draft={draft} errors={errors} onEdit={edit} />
      <div className="demo-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Applying…' : 'Apply'} <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
        </button>
        <button type="button" className="button" onClick={calm} disabled={save.isPending}>
          Stop arrivals and chaos
        </button>
        <output aria-live="polite" className="demo-status">
          {save.isSuccess && !dirty ? 'Applied.' : dirty ? 'Not applied yet.' : ''}
        </output>
      </div>
      {save.isError ? <ErrorNotice error={save.error} onRetry={() => apply()} /> : null}
    </form>
  );
}

function FieldGroup({
  title,
  specs,
  draft,
  errors,
  onEdit,
}: {
  title: string;
  specs: FieldSpec[];
  draft: Draft;
  errors: Partial<Record<Field, string>>;
  onEdit: (field: Field, value: string) => void;
}) {
  return (
    <fieldset className="demo-section">
      <legend>{title}</legend>
      {specs.map((spec) => {
        const id = `demo-${spec.field}`;
        const error = errors[spec.field];
        return (
          <div key={spec.field} className="demo-field">
            <label htmlFor={id}>
              {spec.label} <span className="demo-unit">({spec.unit})</span>
            </label>
            <div className="demo-inputs">
              <input
                type="range"
                aria-label={`${spec.label} slider`}
                min={spec.min}
                max={spec.max}
                step={spec.step}
                value={Number(draft[spec.field]) || 0}
                onChange={(e) => onEdit(spec.field, e.target.value)}
              />
              <input
                id={id}
                type="number"
                inputMode="decimal"
                min={spec.min}
                max={spec.max}
                step={spec.step}
                value={draft[spec.field]}
                {...invalidProps(id, error, `${id}-hint`)}
                onChange={(e) => onEdit(spec.field, e.target.value)}
              />
            </div>
            <p id={`${id}-hint`} className="field-hint">
              {spec.hint}
            </p>
            <FieldMessage id={id} message={error} />
          </div>
        );
      })}
    </fieldset>
  );
}
