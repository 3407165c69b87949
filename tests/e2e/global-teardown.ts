import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, resolve } from 'node:path';

/** The folder holding this run's SQLite world for the server project (set by the config). */
export const E2E_DATA_DIR_ENV = 'HANDOFF_DESK_E2E_DATA_DIR';

/** Removes this run's data folder: only ever a handoff-desk-e2e-* folder in the temp folder. */
export default async function globalTeardown() {
  const dir = process.env[E2E_DATA_DIR_ENV];
  if (!dir) return;
  const path = resolve(dir);
  if (dirname(path) !== resolve(tmpdir()) || !basename(path).startsWith('handoff-desk-e2e-'))
    return;
  await rm(path, { recursive: true, force: true });
}
