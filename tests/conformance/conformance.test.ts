// @vitest-environment node

import { sampleAutoApproved } from '../../mocks/core/post-hoc/test-kit';
import { hashPassword } from '../../mocks/server/auth/passwords';
import { API_BASE, backend } from '../msw';
import {
  allowLoopback,
  type RunningServer,
  removeDbFile,
  startServer,
  tempDbFile,
} from '../server/harness';
import { type ConformanceTarget, conformanceChecks } from './checks';

/*
 * The reference backend must pass its own conformance suite through both of its faces: the
 * in-process MSW handlers the component tests use, and the node:http server on SQLite that
 * integrators deploy.
 */

interface Face {
  name: string;
  start: () => Promise<{
    baseUrl: string;
    stop: () => Promise<void>;
    passwords?: Record<string, string>;
  }>;
}

const PASSWORD = 'conformance passphrase';

/** The webhook check's receiver listens on loopback; a failed attempt is retried at once. */
const WEBHOOKS = { allowPrivate: true, retryScale: 0.001, timeoutMs: 5_000 };

const faces: Face[] = [
  {
    name: 'in-process reference backend (MSW)',
    start: async () => ({ baseUrl: API_BASE, stop: async () => {} }),
  },
  {
    name: 'HTTP server on SQLite',
    start: async () => {
      const file = tempDbFile();
      const running: RunningServer = await startServer(file, { count: 200, webhooks: WEBHOOKS });
      return {
        baseUrl: running.baseUrl,
        stop: async () => {
          await running.stop();
          removeDbFile(file);
        },
      };
    },
  },
  {
    name: 'HTTP server on SQLite with sign-in',
    start: async () => {
      const file = tempDbFile();
      const running = await startServer(file, { count: 200, signIn: {}, webhooks: WEBHOOKS });
      // Everyone in the world gets an account, as an admin would add the team.
      const hash = await hashPassword(PASSWORD);
      const passwords: Record<string, string> = {};
      for (const user of running.backend.state.users.values()) {
        running.signIn!.people.add({ ...user, passwordHash: hash }, null, 'command');
        passwords[user.id] = PASSWORD;
      }
      return {
        baseUrl: running.baseUrl,
        passwords,
        stop: async () => {
          await running.stop();
          removeDbFile(file);
        },
      };
    },
  },
];

describe.each(faces)('conformance: $name', ({ start }) => {
  // The port is known only once the server listens; the checks read the URL when they run.
  const target: ConformanceTarget = { baseUrl: '' };
  let stop = async () => {};

  beforeAll(async () => {
    const started = await start();
    target.baseUrl = started.baseUrl;
    if (started.passwords) target.passwords = started.passwords;
    stop = started.stop;
  });
  beforeEach(() => {
    allowLoopback();
    // The small test world samples few replies, if any (and is reset before every test):
    // give the post-hoc review check some in the in-process face.
    sampleAutoApproved(backend, 1);
  });
  afterAll(() => stop());

  for (const check of conformanceChecks(target)) {
    it(check.name, () => check.run());
  }
});
