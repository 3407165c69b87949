import { FieldMessage, invalidProps as invalidControl } from '../../../components/field-message';

/*
 * The policy forms name a field by its path in the draft ("rules.sla_breach.minutes"); the
 * errors come keyed the same way from the server's JSON pointers.
 */
const controlId = (key: string) => `policy-${key.replace(/[^a-z0-9_-]/gi, '-')}`;

export function FieldError({ field, errors }: { field: string; errors: Record<string, string> }) {
  return <FieldMessage id={controlId(field)} message={errors[field]} />;
}

/** Props that mark a control invalid and point it at its message. */
export const invalidProps = (field: string, errors: Record<string, string>) =>
  invalidControl(controlId(field), errors[field]);
