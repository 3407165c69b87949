import { setupWorker } from 'msw/browser';
import { Backend } from './core/backend';
import { createHandlers } from './handlers';
import { indexedDbPersistence } from './persistence/indexeddb';

/**
 * Demo mode: the reference backend runs in this tab behind MSW's service worker, with its
 * world kept in IndexedDB. Only src/main.tsx imports this, behind the demo build flag.
 */
export async function startDemoBackend(apiBaseUrl: string): Promise<void> {
  const backend = Backend.create({ persistence: indexedDbPersistence() });
  const worker = setupWorker(...createHandlers(backend, apiBaseUrl));
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  // The demo's backend lives in this tab, so its clock-driven work runs while the tab is open.
  (await backend).startTicking();
}
