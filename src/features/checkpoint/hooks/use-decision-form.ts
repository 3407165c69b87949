import { useState } from 'react';
import type { FormAction } from '../components/action-bar';
import type { FieldErrors } from '../lib/decision-input';
import type { EscalationSuggestion } from '../lib/refusal';

/** Which decision form is open, what it starts with, and what is wrong with the last try. */
export function useDecisionForm() {
  const [formAction, setFormAction] = useState<FormAction | null>(null);
  const [prefill, setPrefill] = useState<EscalationSuggestion | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [approveError, setApproveError] = useState<string | undefined>();

  return {
    formAction,
    /** The escalation the form opens with, when one is known. */
    prefill,
    fieldErrors,
    approveError,
    open: (action: FormAction, start: EscalationSuggestion | null) => {
      setFieldErrors({});
      setPrefill(action === 'escalate' ? start : null);
      setFormAction(action);
    },
    /** Escape closes the form but leaves its errors; opening a form clears them anyway. */
    close: () => setFormAction(null),
    /** Cancelling, or the decision went through: the form and its errors go. */
    cancel: () => {
      setFormAction(null);
      setFieldErrors({});
    },
    /** What is wrong: approval has no form, so its errors stand by the button. */
    showErrors: (action: FormAction | 'approve', errors: FieldErrors) => {
      if (action === 'approve') setApproveError(Object.values(errors).join(' '));
      else setFieldErrors(errors);
    },
    setApproveError,
    clearErrors: () => {
      setFieldErrors({});
      setApproveError(undefined);
    },
  };
}
