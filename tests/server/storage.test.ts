// @vitest-environment node
import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { STORAGE_VERSION } from '../../mocks/persistence/migrations';
import { operations, pathOf } from '../../src/api/operations';
import { type ConformanceTarget, conformanceChecks } from '../conformance/checks';
import { serverFixture } from '../fixtures/storage/fixtures';
import { allowLoopback, call, type RunningServer, serverPool, startServer } from './harness';

/*
 * The storage commands as an operator runs them: `--backup` copies a database its server is
 * writing to, `--restore` turns the copy into a live database, and a file this build cannot
 * read stops the server with the reason.
 */

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const serve = (...args: string[]) =>
  run(join(ROOT, 'node_modules/.bin/tsx'), ['mocks/server/main.ts', '--no-static', ...args], {
    cwd: ROOT,
  });

const pool = serverPool();
const newFile = pool.file;
afterAll(pool.clear);
beforeEach(() => allowLoopback());

/** Whether every item's stored trail ends at the item's version: no write kept half. */
function expectWholeWrites(server: RunningServer) {
  const { handoffs, events } = server.backend.state;
  for (const item of handoffs.values()) {
    expect(events.get(item.id)?.at(-1)?.version, item.id).toBe(item.version);
  }
}

describe('a backup taken while the server writes', () => {
  const target: ConformanceTarget = { baseUrl: '' };
  let restored: RunningServer | undefined;
  let written = 0;

  beforeAll(async () => {
    allowLoopback();
    const live = newFile();
    // Three writers as one lead, as fast as the server answers, for as long as the backup's
    // process takes to start: the per-identity write limit would refuse them on a fast machine,
    // and this is a test of the backup, not of the limit.
    const server = await startServer(live, { count: 200, http: { rateLimit: { limit: 0 } } });
    let writing = true;
    const writer = async () => {
      while (writing) {
        const reply = await call(server.baseUrl, 'POST', pathOf(operations.ingestArrival), {
          actor: 'u-femi',
          json: {},
        });
        expect(reply.status).toBe(201);
        written += 1;
      }
    };
    const writers = [writer(), writer(), writer()];
    // Let the load build up, then copy the file under it.
    while (written < 20) await new Promise((resolve) => setTimeout(resolve, 10));
    const copy = join(live, '..', 'backup.sqlite');
    const writtenBefore = written;
    const backedUp = await serve('--backup', copy, '--data', live);
    const writtenDuringBackup = written;
    writing = false;
    await Promise.all(writers);
    expect(backedUp.stdout).toMatch(/Backed up .* to .*backup\.sqlite/);
    // The writers kept going while the copy was taken.
    expect(writtenDuringBackup).toBeGreaterThan(writtenBefore);
    await server.stop();

    const into = newFile();
    const restoredNow = await serve('--restore', copy, '--data', into);
    expect(restoredNow.stdout).toMatch(/Restored .*backup\.sqlite to /);
    restored = await startServer(into);
    target.baseUrl = restored.baseUrl;
  }, 60_000);
  afterAll(() => restored?.stop());

  it('restores to a database holding whole writes only, from the seed and the load', () => {
    const items = restored!.backend.state.handoffs.size;
    expect(items).toBeGreaterThan(200 + 20);
    expect(items).toBeLessThanOrEqual(200 + written);
    expectWholeWrites(restored!);
  });

  for (const check of conformanceChecks(target)) {
    it(`passes conformance: ${check.name}`, () => check.run());
  }
});

describe('a database this build cannot read', () => {
  it('stops the server with a message naming both versions, and leaves the file', async () => {
    const file = newFile();
    copyFileSync(serverFixture('v0'), file);
    const db = new Database(file);
    const newer = STORAGE_VERSION + 5;
    db.pragma(`user_version = ${newer}`);
    db.close();
    const started = serve('--data', file, '--port', '0');
    await expect(started).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        new RegExp(
          `cannot start: .*world\\.sqlite is at storage version ${newer}, but this build reads versions up to ${STORAGE_VERSION}\\.`,
        ),
      ),
    });
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(newer);
    after.close();
  });
});
