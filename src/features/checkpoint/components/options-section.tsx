import type { Option } from '../../../api/handoff-schemas';
import { RadioGroup } from '../../../components/ui/radio-group';
import { SectionHeading } from './context-sections';

interface OptionsSectionProps {
  options: Option[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  readOnly: boolean;
  error?: string;
}

export function OptionsSection({
  options,
  selectedId,
  onSelect,
  readOnly,
  error,
}: OptionsSectionProps) {
  const mustChoose = options.length > 1;
  return (
    <section className="cp-section" aria-labelledby="cp-options">
      <SectionHeading id="cp-options" number={6}>
        Options
      </SectionHeading>
      {options.length === 0 ? (
        <p className="cp-muted">The AI considered one way forward; its draft is below.</p>
      ) : readOnly ? (
        <ul className="cp-options-static">
          {options.map((o) => (
            <li key={o.id} className={o.id === selectedId ? 'is-selected' : undefined}>
              <strong>{o.label}</strong>
              {o.id === selectedId ? <span className="badge badge-info">Chosen</span> : null}
              <span className="radio-description">{o.rationale}</span>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p className="cp-muted" id="cp-options-hint">
            {mustChoose ? 'Choose one before approving. ' : ''}Choosing loads its draft into the
            editor. Keys <kbd>1</kbd>–<kbd>{Math.min(options.length, 9)}</kbd>.
          </p>
          <div className={error ? 'cp-options has-error' : 'cp-options'}>
            <RadioGroup
              label="The AI’s options"
              value={selectedId}
              onValueChange={onSelect}
              items={options.map((o, i) => ({
                value: o.id,
                label: (
                  <>
                    {i < 9 ? (
                      <kbd className="cp-option-key" aria-hidden>
                        {i + 1}
                      </kbd>
                    ) : null}
                    {o.label}
                  </>
                ),
                description: o.rationale,
              }))}
            />
          </div>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
