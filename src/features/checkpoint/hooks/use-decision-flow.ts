import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError } from '../../../api/errors';
import type { DecisionAction, Level } from '../../../api/handoff-schemas';
import { handoffQueries } from '../../../lib/handoff-queries';
import { newIdempotencyKey, useIntentKey, usePendingIntent } from '../../../lib/idempotency';
import {
  decisionScope,
  type PendingDecision,
  pendingDecision,
} from '../../../stores/decision-intent';
import { useDraftStore } from '../../../stores/draft-store';
import { checkpointMutations } from '../api/mutations';
import type { FormAction } from '../components/action-bar';
import type { DecisionFormValues } from '../components/decision-form';
import { validateDecision } from '../lib/decision-input';
import { buildDecisionRequest, confirmation, type DecisionInput } from '../lib/decision-request';
import { latestDraft } from '../lib/latest-draft';
import { classifyRefusal, type Failure, refusedEscalation } from '../lib/refusal';
import type { ApprovalReadiness } from './use-approval-readiness';
import { useDecisionForm } from './use-decision-form';
import type { DraftSession } from './use-draft-session';
import { useNextAfterDecision } from './use-next-after-decision';

interface Options {
  handoffId: string;
  /** The item's level: escalations go above it. */
  itemLevel: Level;
  lockedReason: string | null;
  session: DraftSession;
  readiness: ApprovalReadiness;
}

/**
 * Deciding an item: validate, save the text, send the decision under one idempotency key kept
 * on this device until the server answers, then open the next item. Also says why a write was
 * refused, for the claim and release buttons as much as for decisions. The parts live apart:
 * the request (lib/decision-request), refusals (lib/refusal), the form (useDecisionForm) and
 * what follows a decision (useNextAfterDecision); this hook sequences them.
 */
export function useDecisionFlow({
  handoffId,
  itemLevel,
  lockedReason,
  session,
  readiness,
}: Options) {
  const { autosave, snapshot } = session;
  const { showConflict } = session.conflict;
  const { blockers: approveBlockers, suggestedEscalation } = readiness;
  const queryClient = useQueryClient();
  const decideMutation = useMutation(checkpointMutations.decide(handoffId));
  const form = useDecisionForm();
  const next = useNextAfterDecision();
  const scope = decisionScope(handoffId);
  const intentKey = useIntentKey(scope);
  const intent = pendingDecision(usePendingIntent(scope));
  const openedAt = useRef(Date.now());

  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** After a redirect: the draft the instructions were about, until the agent's new one comes. */
  const [awaitingAfter, setAwaitingAfter] = useState<number | null>(null);
  const { data: newestDraft } = useQuery({
    ...handoffQueries.detail(handoffId),
    select: (h) => latestDraft(h).number,
  });
  const revised =
    awaitingAfter !== null && newestDraft !== undefined && newestDraft > awaitingAfter;
  const shownNotice = revised
    ? `The AI wrote draft ${newestDraft} from your instructions; it is in the editor now.`
    : notice;

  const refuse = (error: unknown, action: DecisionAction | 'claim' | 'release') => {
    const refusal = classifyRefusal(error, action);
    if (refusal.kind === 'conflict') showConflict(refusal.problem);
    else if (refusal.kind === 'approve') form.setApproveError(refusal.message);
    else if (refusal.kind === 'fields') form.showErrors(action as FormAction, refusal.errors);
    else setFailure(refusal.failure);
  };

  const send = async (pending: PendingDecision) => {
    setBusy(true);
    setFailure(null);
    form.setApproveError(undefined);
    try {
      const result = await decideMutation.mutateAsync({ body: pending.body, key: pending.key });
      queryClient.setQueryData(handoffQueries.detail(handoffId).queryKey, result.handoff);
      useDraftStore.getState().clear(handoffId);
      intentKey.drop();
      form.cancel();
      if (pending.action === 'redirect') {
        // The agent answers in its own time; the new draft arrives with the item's next change.
        setAwaitingAfter(latestDraft(result.handoff).number);
        setNotice('Sent to the AI with your instructions; its new draft comes back here.');
        session.editor.setTab('edit');
        return;
      }
      const edited = result.handoff.outcome?.edited ?? false;
      await next.openNext(confirmation(pending.action, result.handoff, edited), pending.nextKey);
    } catch (error) {
      if (error instanceof ApiError && error.retryable) {
        // Nothing was decided: keep the intent and its key, so a retry is applied once.
        setFailure({ kind: 'retryable', error });
        return;
      }
      intentKey.drop();
      refuse(error, pending.action);
    } finally {
      setBusy(false);
    }
  };

  const build = (input: DecisionInput, s: { text: string; version: number }) =>
    buildDecisionRequest(input, s, {
      openedAt: openedAt.current,
      flags: readiness.flags,
      acknowledged: readiness.acknowledged,
      selectedOptionId: readiness.selectedOptionId,
      seenCustomerMessageAt: readiness.seenCustomerMessageAt,
    });

  const decide = async (input: DecisionInput) => {
    if (busy) return;
    form.clearErrors();
    setFailure(null);
    setNotice(null);
    const check = validateDecision(build(input, snapshot()));
    if (!check.ok) {
      form.showErrors(input.action, check.errors);
      return;
    }
    setBusy(true);
    try {
      // Escalate and redirect hand the text on (the next level, the AI): save it first.
      const saved =
        input.action === 'escalate' || input.action === 'redirect'
          ? await autosave.flush()
          : await autosave.settle();
      if (saved === 'conflict') return;
      const pending = pendingDecision(
        intentKey.start({
          action: input.action,
          body: build(input, snapshot()),
          nextKey: newIdempotencyKey(),
        }),
      );
      if (pending) await send(pending);
    } finally {
      setBusy(false);
    }
  };

  const approve = () => {
    if (approveBlockers.length > 0 || lockedReason || busy || intent) return;
    void decide({ action: 'approve' });
  };

  const submitForm = (action: FormAction, values: DecisionFormValues) => {
    if (action === 'reject') void decide({ action, reason: values.reason });
    if (action === 'escalate')
      void decide({ action, targetLevel: values.targetLevel, note: values.note });
    if (action === 'redirect') void decide({ action, instructions: values.instructions });
  };

  // A refusal the server just gave outranks the preview's guess.
  const escalation = refusedEscalation(failure, itemLevel) ?? suggestedEscalation;

  /** Opens a decision form; escalation starts at the level that can, with the reason as the note. */
  const openForm = (action: FormAction) => {
    if (lockedReason || busy || intent) return;
    setFailure(null);
    form.open(action, escalation);
  };

  return {
    intent,
    busy,
    failure,
    notice: shownNotice,
    decided: next.decided,
    formAction: form.formAction,
    /** The escalation the form opens with, when one is known. */
    prefill: form.prefill,
    /** Where "escalate" would point now: after a 403, the level the server named. */
    escalation,
    fieldErrors: form.fieldErrors,
    approveError: form.approveError,
    approve,
    openForm,
    submitForm,
    closeForm: form.close,
    cancelForm: form.cancel,
    /** Sends the unconfirmed decision again: the very same body and key. */
    retry: (pending: PendingDecision) => {
      // Taken over by this page load first, so nothing else replays it meanwhile.
      intentKey.claimLeftOver();
      void send(pending);
    },
    dropIntent: () => {
      intentKey.drop();
      setFailure(null);
    },
    retryOpenNext: next.retryOpenNext,
    refuse,
    clearFailure: () => setFailure(null),
    clearApproveError: () => form.setApproveError(undefined),
  };
}
