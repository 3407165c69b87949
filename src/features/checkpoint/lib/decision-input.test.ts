import type { Problem } from '../../../api/handoff-schemas';
import { errorsFromProblem, validateDecision } from './decision-input';

const base = { version: 3, timeOnItemMs: 1000, acknowledgedFlags: [] };

describe('validateDecision', () => {
  it('requires a reason of at least five characters to reject', () => {
    const result = validateDecision({ ...base, action: 'reject', reason: '  no ' });
    expect(result).toEqual({
      ok: false,
      errors: { reason: expect.stringMatching(/reason is required/i) },
    });
    expect(validateDecision({ ...base, action: 'reject', reason: 'Wrong refund amount' }).ok).toBe(
      true,
    );
  });

  it('asks for a level and a note to escalate, in plain words', () => {
    const result = validateDecision({
      ...base,
      action: 'escalate',
      targetLevel: '' as never,
      note: '',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.targetLevel).toBe('Choose the level to escalate to.');
    expect(result.errors.note).toMatch(/note for the next level is required/i);
  });

  it('requires instructions to redirect', () => {
    const result = validateDecision({ ...base, action: 'redirect', instructions: 'hm' });
    expect(result.ok ? null : result.errors.instructions).toMatch(/instructions for the ai/i);
  });
});

describe('errorsFromProblem', () => {
  const problem = (errors?: Problem['errors']): Problem => ({
    type: 'about:blank',
    title: 'Some fields need attention',
    status: 422,
    detail: 'The decision is missing required input.',
    code: 'validation',
    errors,
  });

  it('maps JSON pointers to fields and keeps unknown ones as a form error', () => {
    expect(
      errorsFromProblem(
        problem([
          { pointer: '/reason', message: 'Too short.' },
          { pointer: '/acknowledgedFlags', message: 'Acknowledge the hard stop.' },
          { pointer: '/version', message: 'Expected a number.' },
        ]),
      ),
    ).toEqual({
      reason: 'Too short.',
      acknowledgedFlags: 'Acknowledge the hard stop.',
      form: 'Expected a number.',
    });
  });

  it('falls back to the detail when the server names no field', () => {
    expect(errorsFromProblem(problem())).toEqual({
      form: 'The decision is missing required input.',
    });
  });
});
