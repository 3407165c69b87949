import {
  type ProposedAction,
  type ProposedActionType,
  proposedActionSchema,
} from '../../../api/action-schemas';
import type { Currency } from '../../../api/commitment-schemas';

/*
 * The proposed actions as the reviewer types them: every field is text until it reads as a
 * valid action, so a half-typed amount is shown with its message instead of being sent.
 */

export const actionTypeLabels: Record<ProposedActionType, string> = {
  refund: 'Refund',
  store_credit: 'Store credit',
  replacement: 'Replacement',
  policy_exception: 'Policy exception',
  account_change: 'Account change',
  reply: 'Reply only',
};

export const actionTypes = Object.keys(actionTypeLabels) as ProposedActionType[];

/** A new action of `type`, for the reviewer to fill in. */
export function blankAction(type: ProposedActionType, currency: Currency = 'USD'): ActionFields {
  switch (type) {
    case 'refund':
    case 'store_credit':
      return { type, amount: '', currency };
    case 'replacement':
      return { type, item: '' };
    case 'policy_exception':
    case 'account_change':
      return { type, description: '' };
    case 'reply':
      return { type };
  }
}

export type ActionFields =
  | { type: 'refund' | 'store_credit'; amount: string; currency: Currency }
  | { type: 'replacement'; item: string }
  | { type: 'policy_exception' | 'account_change'; description: string }
  | { type: 'reply' };

export function fieldsOf(a: ProposedAction): ActionFields {
  switch (a.type) {
    case 'refund':
    case 'store_credit':
      return { type: a.type, amount: a.amount.toFixed(2), currency: a.currency };
    case 'replacement':
      return { type: a.type, item: a.item };
    case 'policy_exception':
    case 'account_change':
      return { type: a.type, description: a.description };
    case 'reply':
      return { type: 'reply' };
  }
}

export type ActionRead =
  | { ok: true; action: ProposedAction }
  | { ok: false; field: 'amount' | 'item' | 'description'; message: string };

const amountPattern = /^\d{1,8}(?:\.\d{1,2})?$/;
const MAX_AMOUNT = 10_000_000;

/** The action the fields describe, or the field that is wrong and why. */
export function readAction(f: ActionFields): ActionRead {
  switch (f.type) {
    case 'refund':
    case 'store_credit': {
      // Thousands separators are how people write money; anything else is not a number.
      const raw = f.amount.trim().replace(/,(?=\d{3}(?:\D|$))/g, '');
      if (!amountPattern.test(raw)) {
        return { ok: false, field: 'amount', message: 'Enter an amount like 649.00.' };
      }
      const amount = Math.round(Number(raw) * 100) / 100;
      if (amount <= 0) {
        return {
          ok: false,
          field: 'amount',
          message: 'Enter an amount above 0, or remove the action.',
        };
      }
      if (amount > MAX_AMOUNT) {
        return { ok: false, field: 'amount', message: 'Enter an amount up to 10,000,000.00.' };
      }
      return parsed({ type: f.type, amount, currency: f.currency }, 'amount');
    }
    case 'replacement':
      if (f.item.trim() === '') {
        return { ok: false, field: 'item', message: 'Say what is sent again.' };
      }
      return parsed({ type: f.type, item: f.item.trim() }, 'item');
    case 'policy_exception':
    case 'account_change':
      if (f.description.trim() === '') {
        return {
          ok: false,
          field: 'description',
          message:
            f.type === 'policy_exception'
              ? 'Say which rule is bent, and how.'
              : 'Say what changes on the account.',
        };
      }
      return parsed({ type: f.type, description: f.description.trim() }, 'description');
    case 'reply':
      return { ok: true, action: { type: 'reply' } };
  }
}

/** The contract has the last word, with the same limits the server applies. */
function parsed(candidate: unknown, field: 'amount' | 'item' | 'description'): ActionRead {
  const result = proposedActionSchema.safeParse(candidate);
  if (result.success) return { ok: true, action: result.data };
  return { ok: false, field, message: result.error.issues[0]?.message ?? 'Not a valid action.' };
}
