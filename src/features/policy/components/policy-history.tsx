import { type FormEvent, useState } from 'react';
import { changeReasonSchema, type PolicyChange } from '../../../api/policy-change-schemas';
import { DialogActions } from '../../../components/dialog-actions';
import { ErrorNotice } from '../../../components/error-notice';
import { FieldMessage, invalidProps } from '../../../components/field-message';
import { Dialog } from '../../../components/ui/dialog';
import { describeChange } from '../../../domain/policy-history';
import { formatDateTime } from '../../../lib/time';

interface PolicyHistoryProps {
  changes: PolicyChange[];
  canEdit: boolean;
  busy: boolean;
  error: unknown;
  onRollback: (changeId: string, reason: string) => Promise<unknown>;
}

/** Every change with who, when, why and what moved; each can be rolled back with a reason. */
export function PolicyHistory({ changes, canEdit, busy, error, onRollback }: PolicyHistoryProps) {
  const [target, setTarget] = useState<PolicyChange | null>(null);
  if (changes.length === 0) {
    return (
      <p className="cp-muted">
        No changes yet: the default policy (version 1) has been in force from the start.
      </p>
    );
  }
  return (
    <>
      <ol className="policy-history" aria-label="Policy changes, newest first">
        {changes.map((c) => {
          const lines = describeChange(c.before, c.after);
          return (
            <li key={c.id} className="policy-change">
              <p className="policy-change-head">
                <strong>Version {c.after.version}</strong> ·{' '}
                {c.kind === 'rollback' ? `Rollback of ${c.rollbackOf}` : 'Edit'} · {c.by.name} ·{' '}
                <time dateTime={c.at}>{formatDateTime(c.at)}</time>
              </p>
              <p>
                <span className="visually-hidden">Reason: </span>“{c.reason}”
              </p>
              {c.kind === 'rollback' ? (
                <p className="cp-muted">Undid {c.undoes.join(', ')}.</p>
              ) : null}
              <ul className="policy-change-lines">
                {lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {canEdit ? (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => setTarget(c)}
                >
                  Roll back version {c.after.version}…
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      {target ? (
        <RollbackDialog
          change={target}
          later={changes.filter((c) => c.after.version > target.after.version)}
          busy={busy}
          error={error}
          onClose={() => setTarget(null)}
          onConfirm={async (reason) => {
            await onRollback(target.id, reason);
            setTarget(null);
          }}
        />
      ) : null}
    </>
  );
}

interface RollbackDialogProps {
  change: PolicyChange;
  later: PolicyChange[];
  busy: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void>;
}

function RollbackDialog({ change, later, busy, error, onClose, onConfirm }: RollbackDialogProps) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = changeReasonSchema.safeParse(reason);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Say why.');
      return;
    }
    setProblem(null);
    await onConfirm(parsed.data).catch(() => undefined);
  };
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Roll back version ${change.after.version}?`}
      description={
        <>
          The policy returns to how it was before version {change.after.version}, as a new version.{' '}
          {later.length > 0
            ? `Later changes are undone too: ${later.map((c) => `version ${c.after.version}`).join(', ')}.`
            : ''}
        </>
      }
    >
      <form onSubmit={submit} aria-label="Roll back the policy">
        <div className="field">
          <label htmlFor="policy-rollback-reason">Reason for the rollback</label>
          <textarea
            id="policy-rollback-reason"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...invalidProps('policy-rollback', problem)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
            }}
          />
          <FieldMessage id="policy-rollback" message={problem} />
        </div>
        {error ? <ErrorNotice error={error} /> : null}
        <DialogActions
          className="dialog-actions"
          label="Roll back"
          busyLabel="Rolling back…"
          busy={busy}
          danger
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
