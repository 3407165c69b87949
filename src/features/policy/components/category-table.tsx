import { type Category, categorySchema, gateDefaultSchema } from '../../../api/handoff-schemas';
import { type OversightPattern, oversightPatternSchema } from '../../../api/routing-policy-schemas';
import { ChoiceSelect } from '../../../components/choice-select';
import { gateDefaultNames } from '../../../domain/gates';
import type { CategoryDraft, FormErrors } from '../lib/policy-form';
import { FieldError, invalidProps } from './field-error';
import { categoryLabels, patternLabels } from './labels';

interface CategoryTableProps {
  categories: Record<Category, CategoryDraft>;
  errors: FormErrors;
  onChange: (category: Category, patch: Partial<CategoryDraft>) => void;
}

const patternHelp: Record<OversightPattern, string> = {
  pre_flight: 'A person reviews every draft before use.',
  checkpoint_approval: 'A person approves every draft before it is sent.',
  post_hoc_sample: 'Confident drafts are sent; a sample is reviewed afterwards.',
  exception_based: 'Confident, unflagged drafts are sent; exceptions go to people.',
};

/** Per-category routing: when the AI may proceed, who looks, and what a gate does on timeout. */
export function CategoryTable({ categories, errors, onChange }: CategoryTableProps) {
  return (
    <table className="policy-table">
      <caption className="visually-hidden">Routing per ticket category</caption>
      <thead>
        <tr>
          <th scope="col">Category</th>
          <th scope="col">Confidence threshold (%)</th>
          <th scope="col">Oversight pattern</th>
          <th scope="col">Post-hoc sample (%)</th>
          <th scope="col">Gate timeout (min)</th>
          <th scope="col">Gate default</th>
        </tr>
      </thead>
      <tbody>
        {categorySchema.options.map((c) => {
          const d = categories[c];
          const key = (field: keyof CategoryDraft) => `categories.${c}.${field}`;
          const label = categoryLabels[c];
          return (
            <tr key={c}>
              <th scope="row">{label}</th>
              <td>
                <input
                  className="policy-number"
                  inputMode="decimal"
                  aria-label={`${label}: confidence threshold (%)`}
                  value={d.confidenceThreshold}
                  onChange={(e) => onChange(c, { confidenceThreshold: e.target.value })}
                  {...invalidProps(key('confidenceThreshold'), errors)}
                />
                <FieldError field={key('confidenceThreshold')} errors={errors} />
              </td>
              <td>
                <ChoiceSelect
                  aria-label={`${label}: oversight pattern`}
                  title={patternHelp[d.pattern]}
                  choices={oversightPatternSchema.options}
                  labels={patternLabels}
                  value={d.pattern}
                  onChoose={(pattern) => pattern && onChange(c, { pattern })}
                  {...invalidProps(key('pattern'), errors)}
                />
                <FieldError field={key('pattern')} errors={errors} />
              </td>
              <td>
                <input
                  className="policy-number"
                  inputMode="decimal"
                  aria-label={`${label}: post-hoc sample rate (%)`}
                  value={d.sampleRate}
                  onChange={(e) => onChange(c, { sampleRate: e.target.value })}
                  {...invalidProps(key('sampleRate'), errors)}
                />
                <FieldError field={key('sampleRate')} errors={errors} />
              </td>
              <td>
                <input
                  className="policy-number"
                  inputMode="numeric"
                  placeholder="none"
                  aria-label={`${label}: gate timeout in minutes (empty for no gate)`}
                  value={d.gateTimeoutMinutes}
                  onChange={(e) => onChange(c, { gateTimeoutMinutes: e.target.value })}
                  {...invalidProps(key('gateTimeoutMinutes'), errors)}
                />
                <FieldError field={key('gateTimeoutMinutes')} errors={errors} />
              </td>
              <td>
                <ChoiceSelect
                  aria-label={`${label}: gate default action`}
                  choices={gateDefaultSchema.options}
                  labels={gateDefaultNames}
                  value={d.gateDefault}
                  onChoose={(gateDefault) => gateDefault && onChange(c, { gateDefault })}
                  {...invalidProps(key('gateDefault'), errors)}
                />
                <FieldError field={key('gateDefault')} errors={errors} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
