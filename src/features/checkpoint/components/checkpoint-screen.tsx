import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FlashNotice } from '../../../components/flash-notice';
import { levelLabels } from '../../../domain/levels';
import { describeStep, escalationSteps, membersAt } from '../../../domain/team-escalation';
import { handoffQueries, userQueries } from '../../../lib/handoff-queries';
import { ladderQueries } from '../../../lib/ladder-queries';
import { teamQueries } from '../../../lib/team-queries';
import { useSessionStore } from '../../../stores/session-store';
import { useApprovalReadiness } from '../hooks/use-approval-readiness';
import { useCheckpointShortcuts } from '../hooks/use-checkpoint-shortcuts';
import { useDecisionFlow } from '../hooks/use-decision-flow';
import { useDraftSession } from '../hooks/use-draft-session';
import { useKindActions } from '../hooks/use-kind-actions';
import { useOwnership } from '../hooks/use-ownership';
import { useRemoteChange } from '../hooks/use-remote-change';
import { checkpointAccess } from '../lib/access';
import { flagsShown } from '../lib/flags-shown';
import { describeSaveStatus } from '../lib/save-status';
import { ActionBar } from './action-bar';
import { ActionsEditor } from './actions-editor';
import { AuthorityNotice } from './authority-notice';
import { CheckpointHeader } from './checkpoint-header';
import { ConflictView } from './conflict-view';
import {
  ConfidenceSection,
  FlagsSection,
  NextActionSection,
  StepsSection,
} from './context-sections';
import { DecisionForm } from './decision-form';
import { DecisionNotices } from './decision-notices';
import { DraftEditor } from './draft-editor';
import { GateAppliedNotice } from './gate-applied-notice';
import { HistorySection } from './history-section';
import { InitiateTask } from './initiate-task';
import { ItemNotices } from './item-notices';
import { AiWorkingPanel, FailurePanel, KindActionOutcome } from './kind-panels';
import { OptionsSection } from './options-section';
import { ReplaceDraftDialog } from './replace-draft-dialog';
import { RequestSection } from './request-section';
import { RerouteControl } from './reroute-control';
import './checkpoint.css';

/** The checkpoint: one handoff's whole context package, the draft, and the five decisions. */
export function CheckpointScreen({ handoffId }: { handoffId: string }) {
  const { data: handoff } = useSuspenseQuery(handoffQueries.detail(handoffId));
  const actorId = useSessionStore((s) => s.actorId);
  const me = useQuery(userQueries.me(actorId)).data;
  const users = useQuery(userQueries.list()).data?.items ?? [];
  const ladder = useQuery(ladderQueries.current()).data;
  const teams = useQuery(teamQueries.current()).data?.teams;
  // Inside a team the item climbs the team's ladder; the form offers only those steps.
  const steps = escalationSteps(handoff, teams ?? []);
  const destinations = handoff.team
    ? Object.fromEntries(
        steps.map((st) => {
          const team = teams?.find((t) => t.id === st.team?.teamId);
          return [st.level, describeStep(st, membersAt(team, st.level, users))];
        }),
      )
    : undefined;
  const kindActions = useKindActions(handoff);
  // Told as it happens; the reviewer's text is untouched and conflicts still guard decisions.
  const remote = useRemoteChange(handoffId, handoff.version, actorId);

  const { open, heldByMe, otherHolder, outsideAuthority, lockedReason, canEdit, canClaim } =
    checkpointAccess(handoff, actorId, me);
  const { flags } = handoff.context;
  // Pausing, taking over or recovering needs the same standing as deciding.
  const interventionBlock = otherHolder
    ? `${otherHolder.name} holds this item.`
    : outsideAuthority && me
      ? `This item is at ${levelLabels[handoff.level]}, above your authority (${levelLabels[me.level]}).`
      : null;

  const session = useDraftSession({ handoffId, handoff, canEdit });
  const { editor, autosave, draft } = session;
  const { conflict, keepMine, discardMine } = session.conflict;
  const [actionsValid, setActionsValid] = useState(true);
  const readiness = useApprovalReadiness({
    handoff,
    draft,
    me,
    ladder,
    previewable: open && !outsideAuthority,
    actionsValid,
  });
  const { blockers, preview, acknowledged, followUpRead } = readiness;

  const flow = useDecisionFlow({
    handoffId,
    itemLevel: handoff.level,
    lockedReason,
    session,
    readiness,
  });
  const ownership = useOwnership({
    handoffId,
    handoff,
    canClaim,
    heldByMe,
    session,
    refusals: flow,
  });

  useCheckpointShortcuts({
    approve: flow.approve,
    openForm: flow.openForm,
    formOpen: flow.formAction !== null,
    closeForm: flow.closeForm,
    focusEditor: editor.focusEditor,
    canEdit,
    claim: ownership.claim,
    canClaim,
    options: handoff.context.options,
    optionsSuperseded: draft.supersededBy !== null,
    selectOption: draft.selectOption,
  });

  const saveStatus = describeSaveStatus({
    save: autosave.state,
    dirty: draft.dirty,
    canEdit,
    savedAt: draft.savedAt,
  });
  const { formAction, intent, busy } = flow;

  return (
    <main id="main" className="page cp-page">
      <FlashNotice />

      <CheckpointHeader
        handoff={handoff}
        actorId={actorId}
        canClaim={canClaim}
        canRelease={heldByMe && open}
        busy={ownership.pending || busy}
        onClaim={() => void ownership.claim()}
        onRelease={() => void ownership.release()}
      />

      <ItemNotices
        handoff={handoff}
        remoteNotice={remote.notice}
        onDismissRemote={remote.clear}
        open={open}
        otherHolder={otherHolder}
        outsideAuthority={outsideAuthority}
        me={me}
        dirty={draft.dirty}
      />
      <GateAppliedNotice handoff={handoff} />

      <div className="cp-grid">
        <div className="cp-context">
          <RequestSection
            handoff={handoff}
            followUpRead={followUpRead}
            disabled={lockedReason !== null}
            onFollowUpRead={(read) => {
              flow.clearApproveError();
              readiness.markFollowUpRead(read);
            }}
          />
          <StepsSection handoff={handoff} />
          <ConfidenceSection confidence={handoff.context.confidence} />
          <FlagsSection
            flags={flagsShown(flags, draft.supersededBy)}
            acknowledged={acknowledged}
            disabled={lockedReason !== null}
            onAcknowledge={(rule, checked) => {
              flow.clearApproveError();
              readiness.acknowledge(rule, checked);
            }}
          />
        </div>

        <div className="cp-work">
          {handoff.status === 'ai_working' ? (
            <AiWorkingPanel actions={kindActions} blockedReason={interventionBlock} />
          ) : null}
          {handoff.status === 'failed' ? (
            <FailurePanel
              handoff={handoff}
              actions={kindActions}
              blockedReason={interventionBlock}
              users={users}
              me={me}
            />
          ) : null}
          <KindActionOutcome actions={kindActions} />
          <NextActionSection nextAction={handoff.context.nextAction} />
          <OptionsSection
            options={handoff.context.options}
            supersededBy={draft.supersededBy}
            selectedId={draft.selectedOption?.id ?? null}
            onSelect={draft.selectOption}
            readOnly={!canEdit}
          />

          {conflict ? (
            <ConflictView
              problem={conflict.problem}
              current={conflict.current}
              mine={conflict.mine}
              actorId={actorId}
              onKeepMine={keepMine}
              onDiscardMine={discardMine}
            />
          ) : null}

          <DraftEditor
            text={draft.text}
            onChange={(next) => draft.setText(next)}
            onReset={draft.resetToBase}
            undo={draft.undo}
            baseText={draft.baseText}
            baseLabel={draft.baseLabel}
            edited={draft.edited}
            readOnlyReason={lockedReason}
            saveStatus={saveStatus.text}
            saveProblem={saveStatus.problem}
            tab={editor.tab}
            onTabChange={editor.setTab}
            textareaRef={editor.textareaRef}
          />

          <ActionsEditor
            actions={draft.actions}
            proposed={draft.proposedActions}
            readOnlyReason={lockedReason}
            onChange={(next) => {
              flow.clearApproveError();
              draft.setActions(next);
            }}
            onValidityChange={setActionsValid}
          />

          <DecisionNotices
            notice={flow.notice}
            decided={flow.decided}
            intent={intent}
            busy={busy}
            failure={flow.failure}
            onRetryOpenNext={flow.retryOpenNext}
            onRetry={flow.retry}
            onDropIntent={flow.dropIntent}
            onEscalate={() => flow.openForm('escalate')}
            escalation={flow.escalation}
          />

          {preview ? (
            <AuthorityNotice
              preview={preview}
              disabled={lockedReason !== null || busy}
              onEscalate={() => flow.openForm('escalate')}
            />
          ) : null}

          <ActionBar
            approveLabel={draft.edited ? 'Approve with edits' : 'Approve'}
            approveBlockers={blockers}
            lockedReason={lockedReason}
            busy={busy || flow.decided !== null || intent !== undefined}
            openForm={formAction}
            approveError={flow.approveError}
            onApprove={flow.approve}
            onOpenForm={flow.openForm}
            onEdit={editor.focusEditor}
          />

          <RerouteControl
            handoff={handoff}
            disabled={!open || busy || flow.decided !== null || intent !== undefined}
          />

          {formAction ? (
            <DecisionForm
              key={`${formAction}-${flow.prefill?.level ?? ''}`}
              action={formAction}
              initial={
                flow.prefill
                  ? { targetLevel: flow.prefill.level, note: flow.prefill.note }
                  : undefined
              }
              targets={steps.map((st) => st.level)}
              destinations={destinations}
              errors={flow.fieldErrors}
              busy={busy || intent !== undefined}
              onSubmit={(values) => flow.submitForm(formAction, values)}
              onCancel={flow.cancelForm}
            />
          ) : null}
        </div>
      </div>

      <InitiateTask handoff={handoff} />

      <HistorySection handoff={handoff} />

      <ReplaceDraftDialog
        pending={draft.pendingOption}
        onDismiss={draft.dismissPendingOption}
        onApply={draft.applyOption}
      />
    </main>
  );
}
