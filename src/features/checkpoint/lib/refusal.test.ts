import { ApiError } from '../../../api/errors';
import type { Problem } from '../../../api/handoff-schemas';
import { makeProblem } from '../../../api/problem';
import { classifyRefusal, refusedEscalation } from './refusal';

const refused = (p: Problem) => new ApiError({ kind: 'problem', status: p.status, problem: p });

describe('classifyRefusal', () => {
  it('sends a validation problem on approval to the approve button, and on a form to its fields', () => {
    const error = refused(
      makeProblem('validation', 'Check the form.', {
        errors: [{ pointer: '/reason', message: 'Say why.' }],
      }),
    );
    expect(classifyRefusal(error, 'approve')).toEqual({ kind: 'approve', message: 'Say why.' });
    expect(classifyRefusal(error, 'reject')).toEqual({
      kind: 'fields',
      errors: { reason: 'Say why.' },
    });
    expect(classifyRefusal(error, 'claim')).toMatchObject({ kind: 'failure' });
  });

  it('keeps a lost network retryable, and anything unknown as other', () => {
    expect(classifyRefusal(new ApiError({ kind: 'network' }), 'approve')).toMatchObject({
      kind: 'failure',
      failure: { kind: 'retryable' },
    });
    expect(classifyRefusal(new Error('boom'), 'claim')).toMatchObject({
      kind: 'failure',
      failure: { kind: 'other' },
    });
  });
});

describe('refusedEscalation', () => {
  it('names the level a 403 points to, only when the item can go there', () => {
    const error = refused(
      makeProblem('forbidden', 'Refunds above 100 need L2.', { requiredLevel: 'l2' }),
    );
    expect(refusedEscalation({ kind: 'forbidden', error }, 'l1')).toEqual({
      level: 'l2',
      note: 'Refunds above 100 need L2.',
    });
    expect(refusedEscalation({ kind: 'forbidden', error }, 'manager')).toBeNull();
  });
});
