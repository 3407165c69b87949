import { screen, within } from '@testing-library/react';
import { createApiClient } from '../../src/api/client';
import { DRAFT_STORAGE_KEY, useDraftStore } from '../../src/stores/draft-store';
import { beginPageLoad, INTENT_STORAGE_KEY, useIntentStore } from '../../src/stores/intent-store';
import { API_BASE, backend } from '../msw';

/** Another person at the desk, acting through the real API (not through the app's session). */
export function apiAs(actorId: string) {
  return createApiClient({ baseUrl: API_BASE, getActorId: () => actorId, timeoutMs: 2000 });
}

export { lateOrder } from '../kits/items';

export function item(id = 'h-4521') {
  const h = backend.state.handoffs.get(id);
  if (!h) throw new Error(`no ${id} in the seed`);
  return h;
}

export function eventsOf(id = 'h-4521') {
  return backend.state.events.get(id) ?? [];
}

/** The zustand store lives in memory across tests; localStorage is cleared by tests/setup.ts. */
export function resetDraftStore() {
  useDraftStore.setState({ drafts: {} });
}

/**
 * What a reload does to this device's stores: memory is lost, localStorage is read back, and
 * a new page load begins (so intents sent before it are left over, not in flight).
 */
export async function reloadStores() {
  const kept = [DRAFT_STORAGE_KEY, INTENT_STORAGE_KEY].map((k) => [k, localStorage.getItem(k)]);
  resetDraftStore();
  useIntentStore.setState({ intents: {} });
  for (const [k, v] of kept) if (k && v) localStorage.setItem(k, v);
  beginPageLoad();
  await useIntentStore.persist.rehydrate();
  await useDraftStore.persist.rehydrate();
}

export const section = (name: string) => screen.getByRole('region', { name });

/** Waits for the checkpoint of the item with this subject (by default the seed's #4521). */
export async function openCheckpoint(subject: string | RegExp = /two weeks late/i) {
  // Generous: the first render of a file also loads the code-split route.
  await screen.findByRole('heading', { level: 1, name: subject }, { timeout: 5000 });
  return {
    editor: () => screen.getByRole('textbox', { name: 'Reply to customer' }) as HTMLTextAreaElement,
    approveButton: () => screen.getByRole('button', { name: /^approve/i }),
    form: (name: string) => screen.getByRole('form', { name }),
    within,
  };
}
