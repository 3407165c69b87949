import type { Problem } from './handoff-schemas';

export type ApiFailure =
  | { kind: 'problem'; status: number; problem: Problem }
  | { kind: 'http'; status: number }
  | { kind: 'malformed'; status: number; detail: string }
  | { kind: 'network'; cause?: unknown }
  | { kind: 'timeout'; cause?: unknown }
  | { kind: 'offline' };

/** What a person needs to hear about a failed request: what happened and what to do next. */
export interface ErrorMessage {
  title: string;
  detail: string;
  action: string;
}

export class ApiError extends Error {
  readonly failure: ApiFailure;

  constructor(failure: ApiFailure) {
    const message = describeFailure(failure);
    super(`${message.title}: ${message.detail}`);
    this.name = 'ApiError';
    this.failure = failure;
  }

  get problem(): Problem | null {
    return this.failure.kind === 'problem' ? this.failure.problem : null;
  }

  get status(): number | null {
    return 'status' in this.failure ? this.failure.status : null;
  }

  /** True when trying again later may succeed (nothing was decided by the server). */
  get retryable(): boolean {
    const { kind } = this.failure;
    return (
      kind === 'network' || kind === 'timeout' || kind === 'offline' || (this.status ?? 0) >= 500
    );
  }

  get human(): ErrorMessage {
    return describeFailure(this.failure);
  }
}

const actionFor: Partial<Record<Problem['code'], string>> = {
  validation: 'Correct the highlighted fields and try again.',
  version_conflict: 'Compare your version with the current one, then decide again.',
  not_claimant: 'Pick another item, or ask the holder to release it.',
  forbidden: 'Escalate to a level that has the authority.',
  illegal_transition: 'Reload the item to see its current state.',
  not_found: 'Go back to the queue; the item may have been removed.',
  unauthenticated: 'Sign in again; your unsent work is kept on this device.',
  queue_empty: 'Nothing is waiting for your level right now.',
  payload_too_large: 'Shorten the text and try again.',
};

export function describeFailure(f: ApiFailure): ErrorMessage {
  switch (f.kind) {
    case 'problem':
      return {
        title: f.problem.title,
        detail: f.problem.detail ?? '',
        action: actionFor[f.problem.code] ?? 'Try again in a moment.',
      };
    case 'http':
      return {
        title:
          f.status >= 500 ? 'The server had a problem' : `The request was refused (${f.status})`,
        detail: `The server answered ${f.status} without an explanation.`,
        action: 'Try again in a moment. Your work is kept on this device.',
      };
    case 'malformed':
      return {
        title: 'The server sent something unexpected',
        detail: f.detail,
        action:
          'Try again; if it keeps happening the backend does not match this version of the app.',
      };
    case 'network':
      return {
        title: 'Could not reach the server',
        detail: 'The request did not get through.',
        action: 'Check your connection and try again. Your work is kept on this device.',
      };
    case 'timeout':
      return {
        title: 'The server took too long',
        detail: 'No answer arrived in time.',
        action: 'Try again. Your work is kept on this device.',
      };
    case 'offline':
      return {
        title: 'You are offline',
        detail: 'This device has no network connection.',
        action: 'Your work is kept on this device; try again when you are back online.',
      };
  }
}

export function toErrorMessage(error: unknown): ErrorMessage {
  if (error instanceof ApiError) return error.human;
  return {
    title: 'Something went wrong',
    detail: error instanceof Error ? error.message : String(error),
    action: 'Try again. If it keeps happening, reload the page.',
  };
}
