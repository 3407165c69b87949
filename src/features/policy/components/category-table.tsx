import { type Category, categorySchema, gateDefaultSchema } from '../../../api/handoff-schemas';
import { type OversightPattern, oversightPatternSchema } from '../../../api/routing-policy-schemas';
import { gateDefaultNames } from '../../../domain/gates';
import type { CategoryDraft, FormErrors } from '../lib/policy-form';
import { draftCells } from './draft-cells';
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
          const label = categoryLabels[c];
          const cell = draftCells({
            draft: d,
            fieldKey: (field) => `categories.${c}.${field}`,
            errors,
            onChange: (patch) => onChange(c, patch),
          });
          return (
            <tr key={c}>
              <th scope="row">{label}</th>
              {cell.text('confidenceThreshold', {
                className: 'policy-number',
                inputMode: 'decimal',
                'aria-label': `${label}: confidence threshold (%)`,
              })}
              {cell.choice('pattern', {
                'aria-label': `${label}: oversight pattern`,
                title: patternHelp[d.pattern],
                choices: oversightPatternSchema.options,
                labels: patternLabels,
              })}
              {cell.text('sampleRate', {
                className: 'policy-number',
                inputMode: 'decimal',
                'aria-label': `${label}: post-hoc sample rate (%)`,
              })}
              {cell.text('gateTimeoutMinutes', {
                className: 'policy-number',
                inputMode: 'numeric',
                placeholder: 'none',
                'aria-label': `${label}: gate timeout in minutes (empty for no gate)`,
              })}
              {cell.choice('gateDefault', {
                'aria-label': `${label}: gate default action`,
                choices: gateDefaultSchema.options,
                labels: gateDefaultNames,
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
