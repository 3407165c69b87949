import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { useIntentStore } from '../src/stores/intent-store';
import { backend, backendClock, server, TEST_NOW } from './msw';

// The app answers in milliseconds, but a loaded CI machine can take seconds to render a
// route the first time: waiting longer costs nothing when the answer comes sooner.
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
  backendClock.now = TEST_NOW;
  await backend.reset();
  globalThis.localStorage?.clear();
  // Unanswered intents of one test must not replay in the next.
  useIntentStore.setState({ intents: {} });
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
