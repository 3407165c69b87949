import type { ProposedAction } from '../../../api/action-schemas';
import type {
  DecisionAction,
  DecisionRequest,
  Flag,
  FlagRule,
  Handoff,
} from '../../../api/handoff-schemas';
import { levelLabels } from '../../../domain/levels';

/** What the reviewer chose, before it becomes a request. */
export type DecisionInput =
  | { action: 'approve' }
  | { action: 'reject'; reason: string }
  | { action: 'escalate'; targetLevel: string; note: string }
  | { action: 'redirect'; instructions: string };

/** What the checkpoint knows besides the input: what was read, ticked and picked. */
export interface DecisionContext {
  /** When the item opened (local clock, ms): the time spent on it goes with the decision. */
  openedAt: number;
  flags: Flag[];
  acknowledged: ReadonlySet<FlagRule>;
  selectedOptionId: string | null;
  /** The newest customer message the reviewer confirmed reading, sent with an approval. */
  seenCustomerMessageAt: string | null;
}

/**
 * The request body for `input`, made on the item as it is now (`version`, the text shown and
 * the actions shown: an approval carries them, so what the server judges and audits is what
 * the reviewer saw).
 */
export function buildDecisionRequest(
  input: DecisionInput,
  s: {
    text: string;
    version: number;
    actions?: ProposedAction[];
    /** The AI's latest draft: a redirect carries the reviewer's text when it differs. */
    draftText?: string;
  },
  c: DecisionContext,
  now = Date.now(),
): DecisionRequest {
  const common = {
    version: s.version,
    timeOnItemMs: Math.max(0, Math.round(now - c.openedAt)),
    acknowledgedFlags: c.flags.filter((f) => c.acknowledged.has(f.rule)).map((f) => f.rule),
  };
  switch (input.action) {
    case 'approve':
      return {
        ...common,
        action: 'approve',
        finalText: s.text,
        ...(s.actions ? { finalActions: s.actions } : {}),
        selectedOptionId: c.selectedOptionId,
        seenCustomerMessageAt: c.seenCustomerMessageAt,
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
      return {
        ...common,
        action: 'redirect',
        instructions: input.instructions,
        // Their edit is what the AI revises, so sending it back loses none of it.
        ...(s.draftText !== undefined && s.text !== s.draftText && s.text.trim() !== ''
          ? { editedText: s.text }
          : {}),
      };
  }
}

/** What the reviewer is told once the server applied the decision. */
export function confirmation(action: DecisionAction, h: Handoff, edited: boolean): string {
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
