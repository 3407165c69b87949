import type { FormEvent, ReactNode, RefObject } from 'react';
import { ErrorNotice } from './error-notice';

/** What a screen hands its "create" form: the field Alt+N focuses, and who hears of the result. */
export interface CreateFormProps<Created> {
  field: RefObject<HTMLInputElement | null>;
  onCreated: (created: Created) => void;
}

/**
 * The lead's "add one" form (an agent key, a webhook endpoint): a titled form, its fields, the
 * server's refusal if any, and a submit button that waits while the request is out.
 */
export function CreateForm({
  className,
  title,
  titleId,
  heading: Heading,
  noValidate,
  onSubmit,
  error,
  pending,
  submit,
  children,
}: {
  className: string;
  title: string;
  titleId: string;
  heading: 'h2' | 'h3';
  noValidate?: boolean;
  onSubmit: (e: FormEvent) => void;
  error: Error | null;
  pending: boolean;
  /** The submit button's face. */
  submit: string;
  children: ReactNode;
}) {
  return (
    <form
      className={className}
      onSubmit={onSubmit}
      aria-labelledby={titleId}
      noValidate={noValidate}
    >
      <Heading id={titleId}>{title}</Heading>
      {children}
      {error ? <ErrorNotice error={error} /> : null}
      <button type="submit" className="button button-primary" disabled={pending}>
        {submit}
      </button>
    </form>
  );
}
