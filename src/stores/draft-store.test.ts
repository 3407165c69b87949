import { decisionScope } from './decision-intent';
import { chooseText, DRAFT_STORAGE_KEY, type LocalDraft, useDraftStore } from './draft-store';
import { isLeftOver, useIntentStore } from './intent-store';

const base = { baseVersion: 3, baseDraftNumber: 1 };

beforeEach(() => useDraftStore.setState({ drafts: {} }));

describe('draft store', () => {
  it('keeps every keystroke on this device at once', () => {
    useDraftStore.getState().setText('h-1', 'Hello', base);
    const stored = JSON.parse(localStorage.getItem(DRAFT_STORAGE_KEY) ?? '{}');
    expect(stored.state.drafts['h-1']).toMatchObject({
      text: 'Hello',
      baseVersion: 3,
      syncedAt: null,
    });
  });

  it('marks a save synced only if nothing was typed meanwhile, and follows our own version bump', () => {
    const s = useDraftStore.getState();
    s.setText('h-1', 'Hello', base);
    s.setText('h-1', 'Hello there', base);
    // A save of the older text comes back: the newer text is still unsynced.
    s.markSynced('h-1', {
      text: 'Hello',
      savedAt: '2026-01-01T10:00:00Z',
      sentVersion: 3,
      version: 4,
    });
    expect(useDraftStore.getState().drafts['h-1']).toMatchObject({
      syncedAt: null,
      baseVersion: 4,
    });
    s.markSynced('h-1', {
      text: 'Hello there',
      savedAt: '2026-01-01T10:00:01Z',
      sentVersion: 4,
      version: 4,
    });
    expect(useDraftStore.getState().drafts['h-1']).toMatchObject({
      syncedAt: '2026-01-01T10:00:01Z',
    });
  });

  it('keeps the base version of unsynced text, and re-bases only when told to', () => {
    const s = useDraftStore.getState();
    s.setText('h-1', 'a', base);
    s.setText('h-1', 'ab', { baseVersion: 9, baseDraftNumber: 2 });
    expect(useDraftStore.getState().drafts['h-1']).toMatchObject({
      baseVersion: 3,
      baseDraftNumber: 1,
    });
    s.advanceVersion('h-1', 7, 8);
    expect(useDraftStore.getState().drafts['h-1']?.baseVersion).toBe(3);
    s.rebase('h-1', 9, 2);
    expect(useDraftStore.getState().drafts['h-1']).toMatchObject({
      text: 'ab',
      baseVersion: 9,
      baseDraftNumber: 2,
    });
  });

  it('keeps an edit of the actions across a reload, and reads older drafts as not edited', async () => {
    const refund = { type: 'refund' as const, amount: 300, currency: 'USD' as const };
    const s = useDraftStore.getState();
    s.setActions('h-1', [refund], { text: 'Refund sent.', ...base });
    s.setText('h-1', 'Refund of $300.00 sent.', base);
    expect(useDraftStore.getState().drafts['h-1']).toMatchObject({
      text: 'Refund of $300.00 sent.',
      actions: [refund],
      syncedAt: null,
    });
    // Saved with the old actions: still waiting for the new ones to reach the server.
    s.markSynced('h-1', {
      text: 'Refund of $300.00 sent.',
      actions: [{ ...refund, amount: 649 }],
      savedAt: '2026-01-01T10:00:00Z',
      sentVersion: 3,
      version: 4,
    });
    expect(useDraftStore.getState().drafts['h-1']?.syncedAt).toBeNull();

    // A draft kept before actions existed has none: the editor shows the proposal.
    localStorage.setItem(
      DRAFT_STORAGE_KEY,
      JSON.stringify({
        version: 2,
        state: {
          drafts: {
            'h-2': {
              text: 'old',
              baseDraftNumber: 1,
              baseVersion: 3,
              updatedAt: 1,
              syncedAt: null,
              selectedOptionId: null,
            },
          },
        },
      }),
    );
    await useDraftStore.persist.rehydrate();
    expect(useDraftStore.getState().drafts['h-2']).toMatchObject({ text: 'old' });
    expect(useDraftStore.getState().drafts['h-2']).not.toHaveProperty('actions');
  });

  it('keeps a decision kept by the previous version pending, with its key, after an upgrade', async () => {
    const body = {
      action: 'reject',
      version: 3,
      timeOnItemMs: 5,
      acknowledgedFlags: [],
      reason: 'Wrong amount',
    };
    localStorage.setItem(
      DRAFT_STORAGE_KEY,
      JSON.stringify({
        version: 1,
        state: {
          drafts: {
            'h-1': {
              text: 'a',
              baseDraftNumber: 1,
              baseVersion: 3,
              updatedAt: 1,
              syncedAt: null,
              selectedOptionId: null,
            },
          },
          intents: {
            'h-1': { action: 'reject', key: 'k-1', nextKey: 'k-2', createdAt: 1, body },
          },
        },
      }),
    );
    await useDraftStore.persist.rehydrate();

    expect(useDraftStore.getState().drafts['h-1']).toMatchObject({ text: 'a', baseVersion: 3 });
    const moved = useIntentStore.getState().intents[decisionScope('h-1')];
    expect(moved).toMatchObject({
      key: 'k-1',
      payload: { action: 'reject', nextKey: 'k-2', body },
    });
    // Nothing of this page load is waiting for it: it is offered again.
    expect(moved && isLeftOver(moved)).toBe(true);
    expect(JSON.parse(localStorage.getItem(DRAFT_STORAGE_KEY) ?? '{}').state).not.toHaveProperty(
      'intents',
    );
  });
});

describe('chooseText', () => {
  const local = (over: Partial<LocalDraft> = {}): LocalDraft => ({
    text: 'mine',
    baseDraftNumber: 1,
    baseVersion: 1,
    updatedAt: 0,
    syncedAt: null,
    selectedOptionId: null,
    ...over,
  });
  const server = { text: 'server', savedAt: '2026-01-01T10:00:00Z' };

  it('prefers text the server has not got yet, whatever the clocks say', () => {
    expect(chooseText(local(), server, 'ai')).toEqual({ text: 'mine', source: 'local' });
  });

  it('yields a synced local copy to a later, different server copy', () => {
    expect(chooseText(local({ syncedAt: '2026-01-01T09:00:00Z' }), server, 'ai').source).toBe(
      'server',
    );
    expect(chooseText(local({ syncedAt: server.savedAt }), server, 'ai').source).toBe('local');
  });

  it('falls back to the server working draft, then the AI draft', () => {
    expect(chooseText(undefined, server, 'ai')).toEqual({ text: 'server', source: 'server' });
    expect(chooseText(undefined, null, 'ai')).toEqual({ text: 'ai', source: 'ai' });
  });
});
