import { useMemo, useState } from 'react';
import type { FlagRule, Handoff, User } from '../../../api/handoff-schemas';
import type { Ladder } from '../../../api/ladder-schemas';
import { messagesSinceDraft } from '../../../domain/follow-ups';
import { approveBlockers } from '../lib/approve-blockers';
import { authorityPreview } from '../lib/authority-preview';
import type { EscalationSuggestion } from '../lib/refusal';
import type { DraftSession } from './use-draft-session';

/**
 * What stands between the reviewer and an approval: hard stops to acknowledge, an option to
 * choose, a customer message newer than the draft to read, actions that are not valid yet, and
 * whether the actions and the text ask for more authority than theirs (previewed against the
 * ladder the server enforces).
 */
export function useApprovalReadiness({
  handoff,
  draft,
  me,
  ladder,
  previewable,
  actionsValid = true,
}: {
  handoff: Handoff;
  draft: DraftSession['draft'];
  me: User | undefined;
  /** The ladder the backend enforces; until it has loaded there is simply no preview yet. */
  ladder: Ladder | undefined;
  /** The item is open and within the reviewer's authority. */
  previewable: boolean;
  /** Every proposed action reads as a valid one (a half-typed amount does not). */
  actionsValid?: boolean;
}) {
  const { flags } = handoff.context;
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<FlagRule>>(new Set());
  // The newest customer message the reviewer ticked as read; approval carries it.
  const [seenUpTo, setSeenUpTo] = useState<string | null>(null);
  const newest = messagesSinceDraft(handoff).at(-1)?.at ?? null;
  const followUpRead = newest !== null && seenUpTo !== null && seenUpTo >= newest;

  const blockers = [
    ...approveBlockers(
      flags,
      acknowledged,
      draft.options,
      draft.selectedOption,
      newest !== null && !followUpRead,
    ),
    ...(actionsValid ? [] : ['correct the proposed actions marked invalid']),
  ];
  const preview = useMemo(
    () =>
      me && ladder && previewable
        ? authorityPreview(handoff, me, draft.text, draft.actions, ladder)
        : null,
    [handoff, me, ladder, previewable, draft.text, draft.actions],
  );
  const suggestedEscalation: EscalationSuggestion | null =
    preview?.escalateTo && preview.reason
      ? { level: preview.escalateTo, note: preview.reason }
      : null;

  return {
    flags,
    acknowledged,
    acknowledge: (rule: FlagRule, checked: boolean) =>
      setAcknowledged((prev) => {
        const next = new Set(prev);
        if (checked) next.add(rule);
        else next.delete(rule);
        return next;
      }),
    followUpRead,
    markFollowUpRead: (read: boolean) => setSeenUpTo(read ? newest : null),
    /** The newest customer message the reviewer confirmed reading, sent with an approval. */
    seenCustomerMessageAt: followUpRead ? newest : null,
    selectedOptionId: draft.selectedOption?.id ?? null,
    blockers,
    preview,
    /** What the authority preview suggests before anything was refused. */
    suggestedEscalation,
  };
}

export type ApprovalReadiness = ReturnType<typeof useApprovalReadiness>;
