import { type Ref, useRef, useState } from 'react';
import { AlertDialog } from '../../../components/ui/alert-dialog';
import { Tabs } from '../../../components/ui/tabs';
import { SectionHeading } from './context-sections';
import { WordDiff } from './word-diff';

export type EditorTab = 'edit' | 'changes';

interface DraftEditorProps {
  text: string;
  onChange: (text: string) => void;
  /** What the reply is compared with: the chosen option's draft or the AI's latest draft. */
  baseText: string;
  baseLabel: string;
  edited: boolean;
  /** Set when the reviewer cannot edit; says why. */
  readOnlyReason: string | null;
  saveStatus: string;
  saveProblem: boolean;
  tab: EditorTab;
  onTabChange: (tab: EditorTab) => void;
  textareaRef: Ref<HTMLTextAreaElement>;
  /** Puts the text back to what it is measured against (`baseText`). */
  onReset: () => void;
  /** The offer to undo the last wholesale replacement of the reply, while it stands. */
  undo: { message: string; run: () => void } | null;
}

export function DraftEditor(props: DraftEditorProps) {
  const {
    text,
    onChange,
    baseText,
    baseLabel,
    edited,
    readOnlyReason,
    saveStatus,
    saveProblem,
    tab,
    onTabChange,
    undo,
  } = props;
  const [confirmReset, setConfirmReset] = useState(false);
  // Escape in the editor hands focus to the draft's heading: still here, and the page's
  // single-key shortcuts work again (they are ignored while typing).
  const heading = useRef<HTMLHeadingElement>(null);

  const editor = (
    <div className="cp-editor">
      <label htmlFor="cp-reply" className="cp-editor-label">
        Reply to customer
      </label>
      {readOnlyReason ? (
        <p className="cp-muted" id="cp-reply-readonly">
          {readOnlyReason}
        </p>
      ) : null}
      <textarea
        id="cp-reply"
        ref={props.textareaRef}
        value={text}
        rows={10}
        readOnly={readOnlyReason !== null}
        aria-describedby={`cp-save-status${readOnlyReason ? ' cp-reply-readonly' : ''}`}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            heading.current?.focus();
          }
        }}
      />
    </div>
  );

  return (
    <section className="cp-section cp-draft" aria-labelledby="cp-draft">
      <div className="cp-draft-head">
        <SectionHeading id="cp-draft" number={3} ref={heading}>
          Draft
        </SectionHeading>
        <span className="cp-draft-base">
          {edited ? 'Edited' : 'Unedited'} · based on {baseLabel}
        </span>
      </div>
      <Tabs
        label="Draft view"
        value={tab}
        onValueChange={(v) => onTabChange(v as EditorTab)}
        tabs={[
          { value: 'edit', label: 'Edit', content: editor },
          {
            value: 'changes',
            label: edited ? 'Changes •' : 'Changes',
            content: <WordDiff before={baseText} after={text} />,
          },
        ]}
      />
      <div className="cp-draft-foot">
        <p
          id="cp-save-status"
          className={saveProblem ? 'cp-save cp-save-problem' : 'cp-save'}
          role="status"
        >
          {saveStatus}
        </p>
        <div className="cp-draft-tools">
          {undo !== null ? (
            <span className="cp-undo" role="status">
              {undo.message}{' '}
              <button type="button" className="button" onClick={undo.run}>
                Undo
              </button>
            </span>
          ) : null}
          <button
            type="button"
            className="button"
            disabled={!edited || readOnlyReason !== null}
            onClick={() => setConfirmReset(true)}
          >
            Reset to AI draft
          </button>
        </div>
      </div>
      <AlertDialog
        open={confirmReset}
        onOpenChange={setConfirmReset}
        title="Reset to the AI draft?"
        description={`Your edits will be replaced by ${baseLabel}. You can undo this right after.`}
        actions={[
          {
            label: 'Reset',
            variant: 'danger',
            onSelect: props.onReset,
          },
        ]}
      />
    </section>
  );
}
