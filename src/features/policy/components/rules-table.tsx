import { ruleResponseSchema, type Tier, tierSchema } from '../../../api/handoff-schemas';
import { humanLevelSchema } from '../../../api/ladder-schemas';
import { ChoiceSelect } from '../../../components/choice-select';
import { flagRuleInfo } from '../../../domain/flags';
import { levelLabels } from '../../../domain/levels';
import type { FormErrors, RuleDraft } from '../lib/policy-form';
import { draftCells } from './draft-cells';
import { FieldError, invalidProps } from './field-error';
import { responseLabels } from './labels';

interface RulesTableProps {
  rules: RuleDraft[];
  /** Each rule's version in force, by id. */
  versions: Record<string, number>;
  errors: FormErrors;
  onChange: (id: RuleDraft['id'], patch: Partial<RuleDraft>) => void;
}

/** A failed task has nothing to send: it can only be reported or stopped. */
const taskFailureResponses = ['report_with_diagnosis', 'hard_stop'] as const;

/** The escalation matrix as a lead edits it: what fires, what it does, what it asks of people. */
export function RulesTable({ rules, versions, errors, onChange }: RulesTableProps) {
  return (
    <table className="policy-table policy-rules">
      <caption className="visually-hidden">Escalation rules</caption>
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">On</th>
          <th scope="col">Response</th>
          <th scope="col">Human action</th>
          <th scope="col">Lowest level</th>
          <th scope="col">Parameters</th>
          <th scope="col">Version</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => {
          const label = flagRuleInfo[rule.id].label;
          const key = (field: string) => `rules.${rule.id}.${field}`;
          const responses =
            rule.id === 'task_failure' ? taskFailureResponses : ruleResponseSchema.options;
          const cell = draftCells({
            draft: rule,
            fieldKey: key,
            errors,
            onChange: (patch) => onChange(rule.id, patch),
          });
          return (
            <tr key={rule.id}>
              <th scope="row">
                {label}
                <br />
                <code className="policy-rule-id">{rule.id}</code>
              </th>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${label}: enabled`}
                  checked={rule.enabled}
                  disabled={rule.id === 'task_failure'}
                  title={
                    rule.id === 'task_failure'
                      ? 'Task failure cannot be switched off: a failed task has nothing to send.'
                      : undefined
                  }
                  onChange={(e) => onChange(rule.id, { enabled: e.target.checked })}
                  {...invalidProps(key('enabled'), errors)}
                />
                <FieldError field={key('enabled')} errors={errors} />
              </td>
              {cell.choice('response', {
                'aria-label': `${label}: response`,
                choices: responses,
                labels: responseLabels,
              })}
              {cell.text('humanAction', { 'aria-label': `${label}: human action` })}
              <td>
                <ChoiceSelect
                  aria-label={`${label}: lowest level that may handle it`}
                  choices={humanLevelSchema.options}
                  labels={levelLabels}
                  value={rule.minLevel}
                  onChoose={(minLevel) => minLevel && onChange(rule.id, { minLevel })}
                />
              </td>
              <td>
                <RuleParams rule={rule} label={label} errors={errors} onChange={onChange} />
              </td>
              <td>
                <span className="policy-version">v{versions[rule.id] ?? '?'}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

interface RuleParamsProps {
  rule: RuleDraft;
  label: string;
  errors: FormErrors;
  onChange: RulesTableProps['onChange'];
}

const paramLabels: Record<string, string> = {
  threshold: 'Flag below (%)',
  keywords: 'Keywords, one per line',
  lifetimeValueLimit: 'Lifetime value from ($)',
  maxBodyLength: 'Longest message (characters)',
  maxAttachments: 'Most attachments',
  expectedLanguages: 'Expected languages',
  burstCount: 'Burst: tickets',
  burstWindowMinutes: 'Burst: within minutes',
};

function RuleParams({ rule, label, errors, onChange }: RuleParamsProps) {
  const entries = Object.entries(rule.params);
  if (entries.length === 0) return <span className="cp-muted">None</span>;
  const set = (name: string, value: string | Tier[]) =>
    onChange(rule.id, { params: { ...rule.params, [name]: value } });
  return (
    <div className="policy-params">
      {entries.map(([name, value]) => {
        const field = `rules.${rule.id}.params.${name}`;
        const id = `policy-${rule.id}-${name}`;
        if (Array.isArray(value)) {
          return (
            <fieldset key={name} className="policy-tiers">
              <legend>Tiers</legend>
              {tierSchema.options.map((tier) => (
                <label key={tier}>
                  <input
                    type="checkbox"
                    checked={value.includes(tier)}
                    onChange={(e) =>
                      set(
                        name,
                        e.target.checked
                          ? tierSchema.options.filter((t) => t === tier || value.includes(t))
                          : value.filter((t) => t !== tier),
                      )
                    }
                  />{' '}
                  {tier}
                </label>
              ))}
              <FieldError field={field} errors={errors} />
            </fieldset>
          );
        }
        const common = {
          id,
          value,
          'aria-label': `${label}: ${paramLabels[name] ?? name}`,
          ...invalidProps(field, errors),
        };
        return (
          <div key={name} className="policy-param">
            <label htmlFor={id}>{paramLabels[name] ?? name}</label>
            {name === 'keywords' ? (
              <textarea rows={4} {...common} onChange={(e) => set(name, e.target.value)} />
            ) : (
              <input
                className={name === 'expectedLanguages' ? undefined : 'policy-number'}
                inputMode={name === 'expectedLanguages' ? undefined : 'decimal'}
                {...common}
                onChange={(e) => set(name, e.target.value)}
              />
            )}
            <FieldError field={field} errors={errors} />
          </div>
        );
      })}
    </div>
  );
}
