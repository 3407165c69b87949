import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Role } from '../../../api/handoff-schemas';
import { QueryState } from '../../../components/query-state';
import { userQueries } from '../../../lib/handoff-queries';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { ladderQueries } from '../../../lib/ladder-queries';
import { formatDateTime } from '../../../lib/time';
import { useSessionStore } from '../../../stores/session-store';
import { policyMutations } from '../api/mutations';
import { policyQueries } from '../api/queries';
import { LadderTable } from './ladder-table';
import { PolicyEditor } from './policy-editor';
import { PolicyHistory } from './policy-history';
import './policy.css';

/** The same people the backend lets change the policy; it stays the judge. */
const editors: readonly Role[] = ['lead', 'manager', 'executive'];

export function PolicyPage() {
  const actorId = useSessionStore((s) => s.actorId);
  const me = useQuery(userQueries.me(actorId));
  const policy = useQuery(policyQueries.current());
  const changes = useQuery(policyQueries.changes());
  const ladder = useQuery(ladderQueries.current());
  const rollback = useMutation(policyMutations.rollback());
  const [saved, setSaved] = useState<string | null>(null);
  const canEdit = me.data ? editors.includes(me.data.role) : false;

  return (
    <main id="main" className="page policy-page">
      <h1>Routing policy</h1>
      {saved ? (
        <p className="notice notice-ok" role="status">
          {saved}
        </p>
      ) : null}
      <QueryState query={policy} loading="Loading the routing policy…" loadingClassName="skeleton">
        {(current) => (
          <>
            <p className="cp-muted">
              Version {current.version}, last changed by {current.updatedBy.name} on{' '}
              <time dateTime={current.updatedAt}>{formatDateTime(current.updatedAt)}</time>.
            </p>
            {me.data && !canEdit ? (
              <p className="notice notice-info" role="note">
                You are acting as {me.data.name} ({me.data.role}). Only a team lead, a manager or an
                executive may change the routing policy; you can read it and its history.
              </p>
            ) : null}
            <PolicyEditor
              policy={current}
              canEdit={canEdit}
              onSaved={(version) => setSaved(`Saved: policy version ${version} is now in force.`)}
            />
          </>
        )}
      </QueryState>

      <section aria-labelledby="policy-history-title">
        <h2 id="policy-history-title">History</h2>
        <QueryState query={changes} loading="Loading the history…" loadingClassName="skeleton">
          {(history) => (
            <PolicyHistory
              changes={history.items}
              canEdit={canEdit}
              busy={rollback.isPending}
              error={rollback.error}
              onRollback={(changeId, reason) =>
                rollback.mutateAsync(
                  {
                    changeId,
                    // The newest change listed is the version the lead rolls back from.
                    version: history.items[0]?.after.version ?? 1,
                    reason,
                    key: newIdempotencyKey(),
                  },
                  {
                    onSuccess: (change) =>
                      setSaved(
                        `Rolled back: policy version ${change.after.version} restores the settings before ${change.rollbackOf}.`,
                      ),
                  },
                )
              }
            />
          )}
        </QueryState>
      </section>

      <section aria-labelledby="policy-ladder-title">
        <h2 id="policy-ladder-title">Escalation ladder</h2>
        <QueryState query={ladder} loading="Loading the ladder…" loadingClassName="skeleton">
          {(steps) => <LadderTable ladder={steps} />}
        </QueryState>
      </section>
    </main>
  );
}
