import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { ApiError } from '../../../api/errors';
import type {
  DecisionAction,
  DecisionRequest,
  Flag,
  FlagRule,
  Handoff,
  Level,
  Problem,
} from '../../../api/schemas';
import { escalationTargets, levelLabels } from '../../../domain/levels';
import { useOpenNext } from '../../../hooks/use-open-next';
import { handoffQueries } from '../../../lib/handoff-queries';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { type PendingIntent, useDraftStore } from '../../../stores/draft-store';
import { checkpointMutations } from '../api/mutations';
import type { FormAction } from '../components/action-bar';
import type { DecisionFormValues } from '../components/decision-form';
import { errorsFromProblem, type FieldErrors, validateDecision } from '../lib/decision-input';
import { latestDraft } from '../lib/latest-draft';
import type { FlushResult } from './use-draft-autosave';
import type { Snapshot } from './use-fresh-snapshot';

const conflictCodes = new Set<Problem['code']>([
  'version_conflict',
  'not_claimant',
  'illegal_transition',
]);

type DecisionInput =
  | { action: 'approve' }
  | { action: 'reject'; reason: string }
  | { action: 'escalate'; targetLevel: string; note: string }
  | { action: 'redirect'; instructions: string };

export type Failure = { kind: 'retryable' | 'forbidden' | 'other'; error: unknown };

/** Where "escalate" should point by default, and the note to start from. */
export interface EscalationSuggestion {
  level: Level;
  note: string;
}

/** A 403 that names a level this item can be escalated to. */
function refusedEscalation(failure: Failure | null, itemLevel: Level): EscalationSuggestion | null {
  if (failure?.kind !== 'forbidden' || !(failure.error instanceof ApiError)) return null;
  const level = failure.error.problem?.requiredLevel;
  if (!level || !escalationTargets(itemLevel).includes(level)) return null;
  return { level, note: failure.error.problem?.detail ?? '' };
}

export interface Decided {
  message: string;
  nextKey: string;
  error: unknown;
}

function confirmation(action: DecisionAction, h: Handoff, edited: boolean): string {
  const ticket = `ticket #${h.ticket.number}`;
  switch (action) {
    case 'approve':
      return `Approved ${ticket}: the reply was sent${edited ? ' with your edits' : ' as drafted'}.`;
    case 'reject':
      return `Rejected ${ticket}: nothing was sent.`;
    case 'escalate':
      return `Escalated ${ticket} to ${levelLabels[h.level]}.`;
    case 'redirect':
      return `Sent ${ticket} back to the AI.`;
  }
}

interface Options {
  handoffId: string;
  flags: Flag[];
  acknowledged: ReadonlySet<FlagRule>;
  selectedOptionId: string | null;
  /** The newest customer message the reviewer confirmed reading, sent with an approval. */
  seenCustomerMessageAt: string | null;
  /** The item's level: escalations go above it. */
  itemLevel: Level;
  /** What the reviewer's authority preview suggests before anything was refused. */
  suggestedEscalation: EscalationSuggestion | null;
  approveBlockers: string[];
  lockedReason: string | null;
  autosave: { flush: () => Promise<FlushResult>; settle: () => Promise<unknown> };
  snapshot: () => Snapshot;
  showConflict: (problem: Problem) => void;
  /** The AI wrote a new draft from the reviewer's instructions. */
  onRedirected: () => void;
}

/**
 * Deciding an item: validate, save the text, send the decision under one idempotency key kept
 * on this device until the server answers, then open the next item. Also says why a write was
 * refused, for the claim and release buttons as much as for decisions.
 */
export function useDecisionFlow({
  handoffId,
  flags,
  acknowledged,
  selectedOptionId,
  seenCustomerMessageAt,
  itemLevel,
  suggestedEscalation,
  approveBlockers,
  lockedReason,
  autosave,
  snapshot,
  showConflict,
  onRedirected,
}: Options) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const decideMutation = useMutation(checkpointMutations.decide(handoffId));
  const next = useOpenNext();
  const intent = useDraftStore((s) => s.intents[handoffId]);
  const openedAt = useRef(Date.now());

  const [formAction, setFormAction] = useState<FormAction | null>(null);
  const [prefill, setPrefill] = useState<EscalationSuggestion | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [approveError, setApproveError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [decided, setDecided] = useState<Decided | null>(null);

  const refuse = (error: unknown, action: DecisionAction | 'claim' | 'release') => {
    const problem = error instanceof ApiError ? error.problem : null;
    if (problem && conflictCodes.has(problem.code) && problem.current) {
      showConflict(problem);
    } else if (problem?.code === 'forbidden') {
      setFailure({ kind: 'forbidden', error });
    } else if (problem?.code === 'validation' && action !== 'claim' && action !== 'release') {
      const errors = errorsFromProblem(problem);
      if (action === 'approve') setApproveError(Object.values(errors).join(' '));
      else setFieldErrors(errors);
    } else {
      setFailure({
        kind: error instanceof ApiError && error.retryable ? 'retryable' : 'other',
        error,
      });
    }
  };

  const openNext = async (message: string, key: string) => {
    setDecided({ message, nextKey: key, error: null });
    try {
      await next.open(key, (h) => `${message} Next up: ticket #${h.ticket.number}.`);
    } catch (error) {
      if (error instanceof ApiError && error.problem?.code === 'queue_empty') {
        await navigate({
          to: '/queue',
          state: (prev) => ({ ...prev, flash: `${message} Nothing left to claim at your level.` }),
        });
        return;
      }
      setDecided({ message, nextKey: key, error });
    }
  };

  const send = async (pending: PendingIntent) => {
    setBusy(true);
    setFailure(null);
    setApproveError(undefined);
    try {
      const result = await decideMutation.mutateAsync({ body: pending.body, key: pending.key });
      queryClient.setQueryData(handoffQueries.detail(handoffId).queryKey, result.handoff);
      useDraftStore.getState().clear(handoffId);
      setFormAction(null);
      setFieldErrors({});
      if (pending.action === 'redirect') {
        const d = latestDraft(result.handoff);
        setNotice(
          `The AI wrote draft ${d.number} from your instructions; it is in the editor now.`,
        );
        onRedirected();
        return;
      }
      const edited = result.handoff.outcome?.edited ?? false;
      await openNext(confirmation(pending.action, result.handoff, edited), pending.nextKey);
    } catch (error) {
      if (error instanceof ApiError && error.retryable) {
        // Nothing was decided: keep the intent and its key, so a retry is applied once.
        setFailure({ kind: 'retryable', error });
        return;
      }
      useDraftStore.getState().clearIntent(handoffId);
      refuse(error, pending.action);
    } finally {
      setBusy(false);
    }
  };

  const build = (input: DecisionInput, s: { text: string; version: number }): DecisionRequest => {
    const common = {
      version: s.version,
      timeOnItemMs: Math.max(0, Math.round(Date.now() - openedAt.current)),
      acknowledgedFlags: flags.filter((f) => acknowledged.has(f.rule)).map((f) => f.rule),
    };
    switch (input.action) {
      case 'approve':
        return {
          ...common,
          action: 'approve',
          finalText: s.text,
          selectedOptionId,
          seenCustomerMessageAt,
        };
      case 'reject':
        return { ...common, action: 'reject', reason: input.reason };
      case 'escalate':
        return {
          ...common,
          action: 'escalate',
          targetLevel: input.targetLevel as never,
          note: input.note,
        };
      case 'redirect':
        return { ...common, action: 'redirect', instructions: input.instructions };
    }
  };

  const decide = async (input: DecisionInput) => {
    if (busy) return;
    setFieldErrors({});
    setApproveError(undefined);
    setFailure(null);
    setNotice(null);
    const check = validateDecision(build(input, snapshot()));
    if (!check.ok) {
      if (input.action === 'approve') setApproveError(Object.values(check.errors).join(' '));
      else setFieldErrors(check.errors);
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
      const pending: PendingIntent = {
        action: input.action,
        key: newIdempotencyKey(),
        body: build(input, snapshot()),
        nextKey: newIdempotencyKey(),
        createdAt: Date.now(),
      };
      useDraftStore.getState().setIntent(handoffId, pending);
      await send(pending);
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
    setFieldErrors({});
    setFailure(null);
    setPrefill(action === 'escalate' ? escalation : null);
    setFormAction(action);
  };

  return {
    intent,
    busy,
    failure,
    notice,
    decided,
    formAction,
    /** The escalation the form opens with, when one is known. */
    prefill,
    /** Where "escalate" would point now: after a 403, the level the server named. */
    escalation,
    fieldErrors,
    approveError,
    approve,
    openForm,
    submitForm,
    /** Escape closes the form but leaves its errors; opening a form clears them anyway. */
    closeForm: () => setFormAction(null),
    cancelForm: () => {
      setFormAction(null);
      setFieldErrors({});
    },
    /** Sends the unconfirmed decision again: the very same body and key. */
    retry: (pending: PendingIntent) => void send(pending),
    dropIntent: () => {
      useDraftStore.getState().clearIntent(handoffId);
      setFailure(null);
    },
    retryOpenNext: (d: Decided) => void openNext(d.message, d.nextKey),
    refuse,
    clearFailure: () => setFailure(null),
    clearApproveError: () => setApproveError(undefined),
  };
}
