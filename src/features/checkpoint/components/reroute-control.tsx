import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/errors';
import type { Handoff } from '../../../api/handoff-schemas';
import { DialogActions } from '../../../components/dialog-actions';
import { ErrorNotice } from '../../../components/error-notice';
import { FieldMessage, invalidProps } from '../../../components/field-message';
import { ShortcutButton } from '../../../components/shortcut-button';
import { TeamOptions } from '../../../components/team-options';
import { Dialog } from '../../../components/ui/dialog';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { handoffQueries } from '../../../lib/handoff-queries';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { teamQueries } from '../../../lib/team-queries';
import { useDraftStore } from '../../../stores/draft-store';
import { checkpointMutations } from '../api/mutations';

/*
 * Re-routing: sending an open item to another team is a decision of its own, with a required
 * reason, recorded on the item's trail. Whether this person may is the server's call (a lead,
 * or a member of the team holding the item); its refusal is shown as it gives it.
 */

type Fields = { teamId?: string; reason?: string };

const pointerField: Record<string, keyof Fields> = { '/teamId': 'teamId', '/reason': 'reason' };

export function RerouteControl({ handoff, disabled }: { handoff: Handoff; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  useShortcuts([
    {
      key: 'm',
      handler: () => setOpen(true),
      enabled: !disabled,
      label: 'Re-route to another team',
    },
  ]);
  return (
    <div className="cp-reroute">
      <ShortcutButton
        shortcut="m"
        disabled={disabled}
        aria-haspopup="dialog"
        title="Send the item to another team, with a reason."
        onClick={() => {
          setDone(null);
          setOpen(true);
        }}
      >
        Re-route…
      </ShortcutButton>
      {done ? (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      ) : null}
      {open ? (
        <RerouteDialog
          handoff={handoff}
          onClose={() => setOpen(false)}
          onDone={(message) => {
            setOpen(false);
            setDone(message);
          }}
        />
      ) : null}
    </div>
  );
}

function RerouteDialog({
  handoff,
  onClose,
  onDone,
}: {
  handoff: Handoff;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const teams = useQuery(teamQueries.current()).data?.teams ?? [];
  const choices = teams.filter((t) => t.id !== handoff.team?.teamId);
  const reroute = useMutation(checkpointMutations.reroute(handoff.id));
  // One key for this intent: sending again after a dropped answer applies it once.
  const [key] = useState(newIdempotencyKey);
  const [teamId, setTeamId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Fields>({});
  const [refusal, setRefusal] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reroute.isPending) return;
    const missing: Fields = {};
    if (!teamId) missing.teamId = 'Choose the team that takes the item.';
    if (!reason.trim()) missing.reason = 'Say why the item goes to another team.';
    setErrors(missing);
    setRefusal(null);
    if (missing.teamId || missing.reason) {
      document.getElementById(missing.teamId ? 'cp-reroute-team' : 'cp-reroute-reason')?.focus();
      return;
    }
    const version = handoff.version;
    try {
      const next = await reroute.mutateAsync({ body: { version, teamId, reason }, key });
      queryClient.setQueryData(handoffQueries.detail(handoff.id).queryKey, next);
      useDraftStore.getState().advanceVersion(handoff.id, version, next.version);
      onDone(`Re-routed to ${next.team?.teamName ?? 'the team'}.`);
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null;
      const fields: Fields = {};
      for (const f of problem?.errors ?? []) {
        const field = pointerField[f.pointer];
        if (field) fields[field] ??= f.message;
      }
      if (fields.teamId || fields.reason) setErrors(fields);
      else setRefusal(error);
      if (problem?.current) {
        queryClient.setQueryData(handoffQueries.detail(handoff.id).queryKey, problem.current);
      }
    }
  };

  return (
    <Dialog
      open
      onOpenChange={(o) => {
        if (!o) onClose();
      }}
      title="Re-route to another team"
      description={`Now with ${handoff.team?.teamName ?? 'no team'}. The item keeps its draft and goes to the chosen team at its level, or the team's next level up.`}
    >
      <form className="cp-form" aria-label="Re-route" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="cp-reroute-team">Team</label>
          <select
            id="cp-reroute-team"
            value={teamId}
            onChange={(e) => setTeamId(e.target.value)}
            {...invalidProps('cp-reroute-team', errors.teamId)}
          >
            <option value="">Choose a team…</option>
            <TeamOptions teams={choices} />
          </select>
          <FieldMessage id="cp-reroute-team" message={errors.teamId} />
        </div>
        <div className="field">
          <label htmlFor="cp-reroute-reason">Reason</label>
          <textarea
            id="cp-reroute-reason"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...invalidProps('cp-reroute-reason', errors.reason, 'cp-reroute-reason-hint')}
          />
          <p id="cp-reroute-reason-hint" className="cp-hint">
            Recorded on the item’s trail, at least 5 characters.
          </p>
          <FieldMessage id="cp-reroute-reason" message={errors.reason} />
        </div>
        {refusal ? <ErrorNotice error={refusal} /> : null}
        <DialogActions
          className="cp-form-actions"
          label="Re-route"
          busyLabel="Sending…"
          busy={reroute.isPending}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
