import { toErrorMessage } from '../../../api/errors';
import { formatCount } from '../../../lib/count';
import { type ExportKind, type ExportState, exportLabels } from '../hooks/use-export';

interface ExportPanelProps {
  state: ExportState;
  onStart: (kind: ExportKind) => void;
  onCancel: () => void;
}

const EXPORTS: { kind: ExportKind; label: string; title?: string }[] = [
  { kind: 'csv', label: 'Export CSV' },
  { kind: 'jsonl', label: 'Export JSONL' },
  {
    kind: 'feedback',
    label: 'Export corrections (JSONL)',
    title: 'Every edit, rejection and redirect in the time range, as training records',
  },
];

/**
 * Exports of the filtered log (CSV, JSONL) and of the corrections (JSONL, the feedback loop),
 * with progress in events and a cancel for the large ones.
 */
export function ExportPanel({ state, onStart, onCancel }: ExportPanelProps) {
  const running = state.status === 'running';
  return (
    <section className="audit-export" aria-label="Export">
      <div className="audit-export-buttons">
        {EXPORTS.map((e) => (
          <button
            key={e.kind}
            type="button"
            className="button"
            disabled={running}
            onClick={() => onStart(e.kind)}
            title={e.title}
          >
            {e.label}
          </button>
        ))}
      </div>
      <ExportStatus state={state} onCancel={onCancel} />
    </section>
  );
}

function ExportStatus({ state, onCancel }: { state: ExportState; onCancel: () => void }) {
  if (state.status === 'idle') return null;
  const what = exportLabels[state.kind];
  if (state.status === 'running') {
    const { progress } = state;
    const noun = state.kind === 'feedback' ? 'corrections' : 'events';
    return (
      <div className="audit-export-status">
        <label className="audit-progress">
          <span>
            Exporting {what}:{' '}
            {progress
              ? `${formatCount(progress.done)} of ${formatCount(progress.total)} ${noun}`
              : 'starting…'}
          </span>
          <progress value={progress?.done ?? 0} max={Math.max(1, progress?.total ?? 1)} />
        </label>
        <button type="button" className="button" onClick={onCancel} aria-keyshortcuts="Escape">
          Cancel export
        </button>
      </div>
    );
  }
  return (
    <p className="audit-export-status" role="status">
      {state.status === 'done'
        ? `Exported ${formatCount(state.count)} ${state.kind === 'feedback' ? 'corrections' : 'events'} to ${state.fileName}.`
        : state.status === 'cancelled'
          ? `The ${what} export was cancelled; nothing was downloaded.`
          : `The ${what} export failed: ${toErrorMessage(state.error).title}. Try again.`}
    </p>
  );
}
