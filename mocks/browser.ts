import { setupWorker } from 'msw/browser';
import { openDemoWorld, type UnreadableWorld } from './demo-world';
import { createHandlers } from './handlers';

/**
 * Demo mode: the reference backend runs in this tab behind MSW's service worker, with its
 * world kept in IndexedDB. Only src/main.tsx imports this, behind the demo build flag.
 * Resolves with the unreadable world instead of starting when the saved one cannot be read,
 * so the app can say so instead of failing.
 */
export async function startDemoBackend(apiBaseUrl: string): Promise<UnreadableWorld | null> {
  const opened = await openDemoWorld();
  if ('unreadable' in opened) return opened.unreadable;
  const worker = setupWorker(...createHandlers(opened.backend, apiBaseUrl));
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  // The demo's backend lives in this tab, so its clock-driven work runs while the tab is open.
  opened.backend.startTicking();
  return null;
}
