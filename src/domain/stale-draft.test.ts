import { describe, expect, it } from 'vitest';
import { staleDraft, staleDraftBlock } from './stale-draft';

describe('staleDraft', () => {
  const draftAt = '2025-03-01T10:00:00.000Z';

  it('is stale only when the customer wrote after the draft was made', () => {
    expect(staleDraft('2025-03-01T10:05:00.000Z', draftAt)).toBe(true);
    expect(staleDraft('2025-03-01T09:55:00.000Z', draftAt)).toBe(false);
    expect(staleDraft(draftAt, draftAt)).toBe(false);
    expect(staleDraft(null, draftAt)).toBe(false);
    expect(staleDraft(Date.parse(draftAt) + 1, Date.parse(draftAt))).toBe(true);
  });

  it('blocks approval until the reviewer has seen the newer message', () => {
    const lastCustomerMessageAt = '2025-03-01T10:05:00.000Z';
    const block = staleDraftBlock({
      lastCustomerMessageAt,
      draftCreatedAt: draftAt,
      seenUpTo: null,
    });
    expect(block).toMatch(/wrote again after this draft/);
    expect(
      staleDraftBlock({
        lastCustomerMessageAt,
        draftCreatedAt: draftAt,
        seenUpTo: '2025-03-01T10:01:00.000Z',
      }),
    ).toBe(block);
    expect(
      staleDraftBlock({
        lastCustomerMessageAt,
        draftCreatedAt: draftAt,
        seenUpTo: lastCustomerMessageAt,
      }),
    ).toBeNull();
    expect(
      staleDraftBlock({
        lastCustomerMessageAt: '2025-03-01T09:00:00.000Z',
        draftCreatedAt: draftAt,
        seenUpTo: null,
      }),
    ).toBeNull();
  });
});
