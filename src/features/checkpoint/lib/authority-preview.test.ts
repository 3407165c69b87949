import { describe, expect, it } from 'vitest';
import type { Handoff, User } from '../../../api/handoff-schemas';
import { actionsFromText } from '../../../domain/actions';
import { defaultLadder } from '../../../domain/default-ladder';
import { authorityPreview as previewOf } from './authority-preview';

/** The preview of a reply whose actions are the ones its own words call for. */
const authorityPreview = (h: Handoff, me: User, text: string, ladder: typeof defaultLadder) =>
  previewOf(h, me, text, actionsFromText(text), ladder);

const ana: User = { id: 'u-ana', name: 'Ana Ortiz', role: 'reviewer', level: 'l1' };
const dana: User = { id: 'u-dana', name: 'Dana Levi', role: 'manager', level: 'manager' };
const item = (category: Handoff['ticket']['category'] = 'shipping') =>
  ({
    level: 'l1',
    ticket: { category, subject: '', body: '', followUps: [] },
    context: { steps: [] },
  }) as unknown as Handoff;

describe('authorityPreview', () => {
  it('names the promise and the level that approves it when it is beyond the reviewer', () => {
    const preview = authorityPreview(
      item(),
      ana,
      'I have issued a refund of $750.00 today.',
      defaultLadder,
    );
    expect(preview).toMatchObject({
      headline: 'This draft promises a $750.00 refund: Manager or above approves.',
      allowed: false,
      reason: 'Refunds over $500 need Manager or above; this draft promises $750.00.',
      escalateTo: 'manager',
      scope: 'L1 Support approves refunds and credits up to $100',
    });
  });

  it('says when the reply is within the reviewer’s authority', () => {
    expect(
      authorityPreview(item(), ana, 'A refund of $40.00 is on its way.', defaultLadder),
    ).toMatchObject({
      headline: 'This draft promises a $40.00 refund: within your authority.',
      allowed: true,
      escalateTo: null,
    });
    expect(
      authorityPreview(item(), dana, 'I have issued a refund of $750.00.', defaultLadder).allowed,
    ).toBe(true);
    expect(
      authorityPreview(item(), ana, 'Your parcel arrives Tuesday.', defaultLadder).headline,
    ).toBe('This draft promises no refund, credit or exception: within your authority.');
  });

  it('covers categories outside the reviewer’s scope', () => {
    expect(
      authorityPreview(item('legal'), ana, 'We will reply in writing.', defaultLadder),
    ).toMatchObject({
      allowed: false,
      escalateTo: 'l2',
      headline:
        'This draft promises no refund, credit or exception: L2 Specialist or above approves.',
    });
  });

  it('judges the actions as edited: the headline follows the action, the guard the text', () => {
    const text = 'I have issued a refund of $649.00 today.';
    const edited = previewOf(
      item(),
      ana,
      'I have issued a refund of $80.00 today.',
      [{ type: 'refund', amount: 80, currency: 'USD' }],
      defaultLadder,
    );
    expect(edited).toMatchObject({
      headline: 'This draft promises a $80.00 refund: within your authority.',
      allowed: true,
      guard: null,
    });
    // The action cut to $80.00 while the reply still says $649.00: the text still counts.
    const lagging = previewOf(
      item(),
      ana,
      text,
      [{ type: 'refund', amount: 80, currency: 'USD' }],
      defaultLadder,
    );
    expect(lagging.headline).toBe(
      'This draft promises a $80.00 refund: Manager or above approves.',
    );
    expect(lagging.guard).toMatch(/promises \$649\.00, more than the proposed Refund \$80\.00/);
  });
});
