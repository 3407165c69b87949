import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, toErrorMessage } from '../../../api/errors';
import type {
  DecisionAction,
  DecisionRequest,
  DraftVersion,
  FlagRule,
  Handoff,
  Option,
  Problem,
} from '../../../api/schemas';
import { ErrorNotice } from '../../../components/error-notice';
import { FlashNotice } from '../../../components/flash-notice';
import { AlertDialog } from '../../../components/ui/alert-dialog';
import { flagRuleInfo } from '../../../domain/flags';
import { escalationTargets, hasAuthorityOver, levelLabels } from '../../../domain/levels';
import { claimableStatuses, isOpen, statusLabels } from '../../../domain/lifecycle';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { useApi } from '../../../lib/api-context';
import { handoffQueries, userQueries } from '../../../lib/handoff-queries';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { formatDateTime } from '../../../lib/time';
import { chooseText, type PendingIntent, useDraftStore } from '../../../stores/draft-store';
import { useSessionStore } from '../../../stores/session-store';
import { checkpointMutations, handoffDetailKey } from '../api/mutations';
import { useDraftAutosave } from '../hooks/use-draft-autosave';
import { useRemoteChange } from '../hooks/use-remote-change';
import { errorsFromProblem, type FieldErrors, validateDecision } from '../lib/decision-input';
import { ActionBar, type FormAction } from './action-bar';
import { CheckpointHeader } from './checkpoint-header';
import { ConflictView } from './conflict-view';
import {
  ConfidenceSection,
  EscalationNote,
  FlagsSection,
  NextActionSection,
  StepsSection,
} from './context-sections';
import { DecisionForm, type DecisionFormValues } from './decision-form';
import { DraftEditor, type EditorTab } from './draft-editor';
import { HistorySection } from './history-section';
import { OptionsSection } from './options-section';
import { RequestSection } from './request-section';
import './checkpoint.css';

const conflictCodes = new Set<Problem['code']>([
  'version_conflict',
  'not_claimant',
  'illegal_transition',
]);

const actionNouns: Record<DecisionAction, string> = {
  approve: 'approval',
  reject: 'rejection',
  escalate: 'escalation',
  redirect: 'redirect',
};

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function latestDraft(h: Handoff): DraftVersion {
  // The contract guarantees at least one draft.
  return h.drafts[h.drafts.length - 1] as DraftVersion;
}

type DecisionInput =
  | { action: 'approve' }
  | { action: 'reject'; reason: string }
  | { action: 'escalate'; targetLevel: string; note: string }
  | { action: 'redirect'; instructions: string };

type Failure = { kind: 'retryable' | 'forbidden' | 'other'; error: unknown };

interface Conflict {
  problem: Problem;
  current: Handoff;
  mine: { text: string; version: number };
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

/** The checkpoint: one handoff's whole context package, the draft, and the five decisions. */
export function CheckpointScreen({ handoffId }: { handoffId: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data: handoff } = useSuspenseQuery(handoffQueries.detail(api, handoffId));
  const actorId = useSessionStore((s) => s.actorId);
  const me = useQuery(userQueries.me(api, actorId)).data;
  const local = useDraftStore((s) => s.drafts[handoffId]);
  const intent = useDraftStore((s) => s.intents[handoffId]);
  const openedAt = useRef(Date.now());
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  const decideMutation = useMutation(checkpointMutations.decide(api, handoffId));
  const claimNextMutation = useMutation(checkpointMutations.claimNext(api));
  const claimMutation = useMutation(checkpointMutations.claim(api, handoffId));
  const releaseMutation = useMutation(checkpointMutations.release(api, handoffId));

  const [acknowledged, setAcknowledged] = useState<ReadonlySet<FlagRule>>(new Set());
  const [tab, setTab] = useState<EditorTab>('edit');
  const [focusTick, setFocusTick] = useState(0);
  const [formAction, setFormAction] = useState<FormAction | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [approveError, setApproveError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [decided, setDecided] = useState<{
    message: string;
    nextKey: string;
    error: unknown;
  } | null>(null);
  const [pendingOption, setPendingOption] = useState<Option | null>(null);
  // Told as it happens; the reviewer's text is untouched and conflicts still guard decisions.
  const remote = useRemoteChange(handoffId, handoff.version, actorId);

  /* ---------- what the reviewer sees ---------- */

  const aiDraft = latestDraft(handoff);
  const { options, flags } = handoff.context;
  const selectedOptionId = local?.selectedOptionId ?? handoff.selectedOptionId;
  const selectedOption = options.find((o) => o.id === selectedOptionId) ?? null;
  const baseText = selectedOption?.draft ?? aiDraft.text;
  const baseLabel = selectedOption
    ? `the option “${selectedOption.label}”`
    : `AI draft ${aiDraft.number}`;
  const shown = chooseText(local, handoff.workingDraft, aiDraft.text);
  const text = shown.text;
  const edited = text !== baseText;
  const dirty = local !== undefined && local.syncedAt === null;
  const workingVersion = dirty ? local.baseVersion : handoff.version;

  const open = isOpen(handoff.status);
  const holder = handoff.assignee;
  const heldByMe = holder?.id === actorId;
  const heldByOther = holder !== null && !heldByMe;
  const outsideAuthority = me ? !hasAuthorityOver(me.level, handoff.level) : false;
  // The server enforces all of this; the screen says it first, in words.
  const lockedReason = !open
    ? handoff.status === 'redirected' || handoff.status === 'ai_working'
      ? 'The AI is working on this item; it comes back when the new draft is ready.'
      : `This item is ${statusLabels[handoff.status].toLowerCase()}; there is nothing left to decide.`
    : heldByOther
      ? `${holder.name} holds this item. You can read everything, but only they can edit or decide until they release it.`
      : outsideAuthority && me
        ? `This item is at ${levelLabels[handoff.level]}, above your authority (${levelLabels[me.level]}); you can read it but not act on it.`
        : null;
  const readOnlyReason = lockedReason;
  const canEdit = readOnlyReason === null;
  const canClaim = !holder && claimableStatuses.includes(handoff.status) && !outsideAuthority;

  const hardStops = flags.filter((f) => f.hardStop);
  const approveBlockers = [
    ...hardStops
      .filter((f) => !acknowledged.has(f.rule))
      .map(
        (f) =>
          `tick “I have reviewed” on the ${flagRuleInfo[f.rule].label.toLowerCase()} hard stop`,
      ),
    ...(options.length > 1 && !selectedOption
      ? [`choose one of the AI’s ${options.length} options`]
      : []),
  ];

  /* ---------- reading fresh state inside async work ---------- */

  const snapshot = useCallback(() => {
    const h = queryClient.getQueryData<Handoff>(handoffDetailKey(handoffId)) ?? handoff;
    const l = useDraftStore.getState().drafts[handoffId];
    const t = chooseText(l, h.workingDraft, latestDraft(h).text).text;
    const version = l && l.syncedAt === null ? l.baseVersion : h.version;
    return { h, text: t, version };
  }, [queryClient, handoffId, handoff]);

  const showConflict = useCallback(
    (problem: Problem) => {
      if (!problem.current) return;
      const s = snapshot();
      setConflict({
        problem,
        current: problem.current,
        mine: { text: s.text, version: s.version },
      });
    },
    [snapshot],
  );

  const autosave = useDraftAutosave({
    handoffId,
    enabled: canEdit && conflict === null,
    onConflict: showConflict,
  });

  const setText = (next: string, selected?: string | null) => {
    useDraftStore.getState().setText(handoffId, next, {
      baseVersion: workingVersion,
      baseDraftNumber: aiDraft.number,
      ...(selected !== undefined ? { selectedOptionId: selected } : {}),
    });
    autosave.schedule();
  };

  useEffect(() => {
    if (focusTick > 0) textareaRef.current?.focus();
  }, [focusTick]);

  const focusEditor = () => {
    setTab('edit');
    setFocusTick((n) => n + 1);
  };

  /* ---------- refusals ---------- */

  const handleRefusal = (error: unknown, action: DecisionAction | 'claim' | 'release') => {
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

  /* ---------- opening the next item ---------- */

  const openNext = async (message: string, key: string) => {
    setDecided({ message, nextKey: key, error: null });
    try {
      const next = await claimNextMutation.mutateAsync({ key });
      queryClient.setQueryData(handoffDetailKey(next.id), next);
      await navigate({
        to: '/handoffs/$handoffId',
        params: { handoffId: next.id },
        state: (prev) => ({ ...prev, flash: `${message} Next up: ticket #${next.ticket.number}.` }),
      });
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

  /* ---------- decisions ---------- */

  const send = async (pending: PendingIntent) => {
    setBusy(true);
    setFailure(null);
    setApproveError(undefined);
    try {
      const result = await decideMutation.mutateAsync({ body: pending.body, key: pending.key });
      queryClient.setQueryData(handoffDetailKey(handoffId), result.handoff);
      useDraftStore.getState().clear(handoffId);
      setFormAction(null);
      setFieldErrors({});
      if (pending.action === 'redirect') {
        const d = latestDraft(result.handoff);
        setNotice(
          `The AI wrote draft ${d.number} from your instructions; it is in the editor now.`,
        );
        setTab('edit');
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
      handleRefusal(error, pending.action);
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
          selectedOptionId: selectedOption?.id ?? null,
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

  const openForm = (action: FormAction) => {
    if (lockedReason || busy || intent) return;
    setFieldErrors({});
    setFailure(null);
    setFormAction(action);
  };

  /* ---------- ownership ---------- */

  const claim = async () => {
    if (!canClaim || claimMutation.isPending) return;
    const version = handoff.version;
    setFailure(null);
    try {
      const h = await claimMutation.mutateAsync({ version, key: newIdempotencyKey() });
      queryClient.setQueryData(handoffDetailKey(handoffId), h);
      useDraftStore.getState().advanceVersion(handoffId, version, h.version);
    } catch (error) {
      handleRefusal(error, 'claim');
    }
  };

  const release = async () => {
    if (!heldByMe || releaseMutation.isPending) return;
    setFailure(null);
    if ((await autosave.flush()) === 'conflict') return;
    const s = snapshot();
    try {
      const h = await releaseMutation.mutateAsync({
        version: s.h.version,
        key: newIdempotencyKey(),
      });
      queryClient.setQueryData(handoffDetailKey(handoffId), h);
      useDraftStore.getState().advanceVersion(handoffId, s.h.version, h.version);
    } catch (error) {
      handleRefusal(error, 'release');
    }
  };

  /* ---------- options ---------- */

  const applyOption = (option: Option, replace: boolean) => {
    if (replace) {
      setText(option.draft, option.id);
    } else {
      useDraftStore.getState().setSelectedOption(handoffId, option.id, {
        text,
        baseVersion: workingVersion,
        baseDraftNumber: aiDraft.number,
      });
    }
  };

  const selectOption = (id: string) => {
    if (!canEdit) return;
    const option = options.find((o) => o.id === id);
    if (!option || option.id === selectedOption?.id) return;
    if (edited && text !== option.draft) setPendingOption(option);
    else applyOption(option, true);
  };

  /* ---------- conflicts ---------- */

  const keepMine = () => {
    if (!conflict) return;
    const { current, mine } = conflict;
    const store = useDraftStore.getState();
    queryClient.setQueryData(handoffDetailKey(handoffId), current);
    store.setText(handoffId, mine.text, {
      baseVersion: current.version,
      baseDraftNumber: latestDraft(current).number,
    });
    store.rebase(handoffId, current.version, latestDraft(current).number);
    setConflict(null);
    focusEditor();
  };

  const discardMine = () => {
    if (!conflict) return;
    queryClient.setQueryData(handoffDetailKey(handoffId), conflict.current);
    useDraftStore.getState().clear(handoffId);
    setConflict(null);
  };

  /* ---------- keyboard ---------- */

  useShortcuts([
    { key: 'a', handler: approve },
    { key: 'r', handler: () => openForm('reject') },
    { key: 'x', handler: () => openForm('escalate') },
    { key: 'd', handler: () => openForm('redirect') },
    { key: 'e', handler: focusEditor, enabled: lockedReason === null },
    { key: 'c', handler: () => void claim(), enabled: canClaim },
    ...options
      .slice(0, 9)
      .map((o, i) => ({ key: String(i + 1), handler: () => selectOption(o.id), enabled: canEdit })),
    {
      key: 'Escape',
      handler: () => {
        if (formAction) setFormAction(null);
        else void navigate({ to: '/queue' });
      },
    },
  ]);

  /* ---------- save status ---------- */

  let saveStatus: string;
  let saveProblem = false;
  if (autosave.state.kind === 'saving') {
    saveStatus = 'Saving…';
  } else if (dirty) {
    if (autosave.state.kind === 'failed') {
      saveStatus = `Not saved to server — kept on this device${autosave.state.reason ? ` (${autosave.state.reason})` : ''}`;
      saveProblem = true;
    } else if (!canEdit) {
      saveStatus = 'Not saved to server — kept on this device';
      saveProblem = true;
    } else {
      saveStatus = 'Saved locally';
    }
  } else {
    const savedAt =
      shown.source === 'local'
        ? local?.syncedAt
        : shown.source === 'server'
          ? handoff.workingDraft?.savedAt
          : null;
    saveStatus = savedAt
      ? `Saved to server ${timeOfDay.format(new Date(savedAt))}`
      : 'The AI’s draft, not edited yet';
  }

  const approveLabel = edited ? 'Approve with edits' : 'Approve';

  return (
    <main id="main" className="page cp-page">
      <FlashNotice />

      <CheckpointHeader
        handoff={handoff}
        actorId={actorId}
        canClaim={canClaim}
        canRelease={heldByMe && open}
        busy={claimMutation.isPending || releaseMutation.isPending || busy}
        onClaim={() => void claim()}
        onRelease={() => void release()}
      />

      {remote.notice ? (
        <div className="notice notice-info remote-change" role="status">
          <p className="notice-title">{remote.notice}</p>
          <p>Your text is kept as it is. Deciding checks the item’s latest version first.</p>
          <button type="button" className="button" onClick={remote.clear}>
            Dismiss
          </button>
        </div>
      ) : null}

      {handoff.outcome ? (
        <div className="notice notice-info" role="note">
          <p className="notice-title">
            {statusLabels[handoff.status]} by {handoff.outcome.by.name},{' '}
            <time dateTime={handoff.outcome.at}>{formatDateTime(handoff.outcome.at)}</time>
          </p>
          {handoff.outcome.reason ? <p>Reason: {handoff.outcome.reason}</p> : null}
          {handoff.outcome.action === 'approve' ? (
            <p>
              {handoff.outcome.edited
                ? 'Sent with the reviewer’s edits.'
                : 'Sent as the AI drafted it.'}
            </p>
          ) : null}
        </div>
      ) : null}
      {handoff.escalation ? <EscalationNote escalation={handoff.escalation} /> : null}
      {heldByOther && open ? (
        <div className="notice notice-warning" role="note">
          <p className="notice-title">{holder.name} holds this item</p>
          <p>
            You can read everything; the editor is read-only until they release it.
            {dirty ? ' Your own text stays on this device.' : ''}
          </p>
        </div>
      ) : null}
      {outsideAuthority && open && me ? (
        <div className="notice notice-warning" role="note">
          <p className="notice-title">Above your authority</p>
          <p>
            Items at {levelLabels[handoff.level]} are outside what {levelLabels[me.level]} may
            decide; the server will refuse changes.
          </p>
        </div>
      ) : null}

      <div className="cp-grid">
        <div className="cp-context">
          <RequestSection handoff={handoff} />
          <StepsSection handoff={handoff} />
          <ConfidenceSection confidence={handoff.context.confidence} />
          <FlagsSection
            flags={flags}
            acknowledged={acknowledged}
            disabled={lockedReason !== null}
            onAcknowledge={(rule, checked) => {
              setApproveError(undefined);
              setAcknowledged((prev) => {
                const next = new Set(prev);
                if (checked) next.add(rule);
                else next.delete(rule);
                return next;
              });
            }}
          />
        </div>

        <div className="cp-work">
          <NextActionSection nextAction={handoff.context.nextAction} />
          <OptionsSection
            options={options}
            selectedId={selectedOption?.id ?? null}
            onSelect={selectOption}
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
            text={text}
            onChange={(next) => setText(next)}
            baseText={baseText}
            baseLabel={baseLabel}
            edited={edited}
            readOnlyReason={readOnlyReason}
            saveStatus={saveStatus}
            saveProblem={saveProblem}
            tab={tab}
            onTabChange={setTab}
            textareaRef={textareaRef}
            onLeave={() => textareaRef.current?.blur()}
          />

          {notice ? (
            <div className="notice notice-ok" role="status">
              {notice}
            </div>
          ) : null}

          {decided ? (
            decided.error ? (
              <div className="notice notice-warning" role="alert">
                <p className="notice-title">{decided.message}</p>
                <p>Could not open the next item: {toErrorMessage(decided.error).title}.</p>
                <div className="cp-inline-actions">
                  <button
                    type="button"
                    className="button"
                    onClick={() => void openNext(decided.message, decided.nextKey)}
                  >
                    Try again
                  </button>
                  <Link to="/queue" className="button">
                    Back to the queue
                  </Link>
                </div>
              </div>
            ) : (
              <div className="notice notice-ok" role="status">
                {decided.message} Opening the next item…
              </div>
            )
          ) : null}

          {intent && !busy ? (
            <div className="notice notice-warning" role="alert">
              <p className="notice-title">
                {failure?.kind === 'retryable'
                  ? toErrorMessage(failure.error).title
                  : `Your ${actionNouns[intent.action]} was not confirmed`}
              </p>
              <p>
                Your {actionNouns[intent.action]} and your text are kept on this device. Retry sends
                the very same request, so it is applied only once.
              </p>
              <div className="cp-inline-actions">
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => void send(intent)}
                >
                  Retry
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    useDraftStore.getState().clearIntent(handoffId);
                    setFailure(null);
                  }}
                >
                  Don’t send
                </button>
              </div>
            </div>
          ) : failure?.kind === 'forbidden' ? (
            <div className="notice notice-error" role="alert">
              <p className="notice-title">{toErrorMessage(failure.error).title}</p>
              <p>{toErrorMessage(failure.error).detail}</p>
              <p>Escalate it to a level that has the authority.</p>
              <button type="button" className="button" onClick={() => openForm('escalate')}>
                Escalate instead
              </button>
            </div>
          ) : failure ? (
            <ErrorNotice
              error={failure.error}
              action={`${toErrorMessage(failure.error).action} Your text is kept on this device.`}
            />
          ) : null}

          <ActionBar
            approveLabel={approveLabel}
            approveBlockers={approveBlockers}
            lockedReason={lockedReason}
            busy={busy || decided !== null || intent !== undefined}
            openForm={formAction}
            approveError={approveError}
            onApprove={approve}
            onOpenForm={openForm}
            onEdit={focusEditor}
          />

          {formAction ? (
            <DecisionForm
              key={formAction}
              action={formAction}
              targets={escalationTargets(handoff.level)}
              errors={fieldErrors}
              busy={busy || intent !== undefined}
              onSubmit={(values) => submitForm(formAction, values)}
              onCancel={() => {
                setFormAction(null);
                setFieldErrors({});
              }}
            />
          ) : null}
        </div>
      </div>

      <HistorySection handoff={handoff} />

      <AlertDialog
        open={pendingOption !== null}
        onOpenChange={(o) => {
          if (!o) setPendingOption(null);
        }}
        title="Replace your edited reply?"
        description={
          pendingOption
            ? `“${pendingOption.label}” comes with its own draft. Load it into the editor, or keep your text and only choose the option.`
            : ''
        }
        actions={[
          {
            label: 'Load its draft',
            variant: 'danger',
            onSelect: () => pendingOption && applyOption(pendingOption, true),
          },
          {
            label: 'Keep my text',
            variant: 'primary',
            onSelect: () => pendingOption && applyOption(pendingOption, false),
          },
        ]}
      />
    </main>
  );
}
