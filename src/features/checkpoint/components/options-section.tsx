import type { DraftVersion, Option } from '../../../api/handoff-schemas';
import { ShortcutButton } from '../../../components/shortcut-button';
import { RadioGroup } from '../../../components/ui/radio-group';
import { CheckpointSection } from './context-sections';

interface OptionsSectionProps {
  options: Option[];
  /** The AI draft that replaced the options; null while they are in force. */
  supersededBy: DraftVersion | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  readOnly: boolean;
  error?: string;
}

export function OptionsSection({
  options,
  supersededBy,
  selectedId,
  onSelect,
  readOnly,
  error,
}: OptionsSectionProps) {
  const mustChoose = options.length > 1;
  return (
    <CheckpointSection id="cp-options" number={6} title="Options">
      {options.length === 0 ? (
        <p className="cp-muted">The AI considered one way forward; its draft is below.</p>
      ) : supersededBy ? (
        <SupersededOptions
          options={options}
          draft={supersededBy}
          onLoad={onSelect}
          readOnly={readOnly}
        />
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
    </CheckpointSection>
  );
}

/**
 * Options a newer AI draft replaced: shown as the first draft's, with nothing to choose. Their
 * text can still be loaded, after a confirmation, since it replaces the newer draft.
 */
function SupersededOptions({
  options,
  draft,
  onLoad,
  readOnly,
}: {
  options: Option[];
  draft: DraftVersion;
  onLoad: (id: string) => void;
  readOnly: boolean;
}) {
  return (
    <>
      <p className="cp-muted" id="cp-options-hint">
        Offered with AI draft 1. Draft {draft.number} replaced them, so there is nothing to choose:
        approving sends the reply in the editor.
        {readOnly ? null : (
          <>
            {' '}
            Loading one replaces the reply with its original text (keys <kbd>1</kbd>–
            <kbd>{Math.min(options.length, 9)}</kbd>).
          </>
        )}
      </p>
      <ul className="cp-options-static" aria-label="The AI’s earlier options">
        {options.map((o, i) => (
          <li key={o.id} className="cp-option-old">
            <div className="cp-option-old-head">
              <strong>{o.label}</strong>
              <span className="badge">Draft 1</span>
              {readOnly ? null : (
                <LoadButton index={i} label={o.label} onClick={() => onLoad(o.id)} />
              )}
            </div>
            <span className="radio-description">{o.rationale}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function LoadButton({
  index,
  label,
  onClick,
}: {
  index: number;
  label: string;
  onClick: () => void;
}) {
  const name = `Load the text of “${label}”`;
  // Keys 1–9 reach the first nine; the rest are pressed.
  return index < 9 ? (
    <ShortcutButton
      shortcut={String(index + 1)}
      className="button cp-option-load"
      aria-label={name}
      onClick={onClick}
    >
      Load its text
    </ShortcutButton>
  ) : (
    <button type="button" className="button cp-option-load" aria-label={name} onClick={onClick}>
      Load its text
    </button>
  );
}
