import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { Backend } from '../mocks/core/backend';
import { createHandlers, inProcess } from '../mocks/handlers';
import { operations } from '../src/api/operations';

/*
 * The network seam for component and integration tests: the real mock backend behind MSW.
 * Tests change its behaviour only through `server.use(...)` overrides.
 */

export const TEST_ORIGIN = 'http://localhost:3000';
export const API_BASE = `${TEST_ORIGIN}/api`;

/** Fixed so SLA and gate wording is stable; the seed is generated relative to it. */
export const TEST_NOW = Date.parse('2026-11-25T09:00:00.000Z');

/** The backend's clock; a test may move it (say, past a gate's timeout) and then `tick()`. */
export const backendClock = { now: TEST_NOW };

export const backend = await Backend.create({ count: 200, clock: () => backendClock.now });
export const server = setupServer(...createHandlers(inProcess(backend), API_BASE));

/**
 * Cuts the change stream for the rest of the test (every attempt fails), so the app falls
 * back to polling: for tests of what happens when a live update is missed.
 */
export function withoutLiveUpdates(): void {
  server.use(http.get(`${API_BASE}${operations.streamChanges.path}`, () => HttpResponse.error()));
}
