import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openDemoWorld } from '../../mocks/demo-world';
import { exportIndexedDbWorld, importIndexedDbWorld } from '../../mocks/persistence/indexeddb';
import { STORAGE_VERSION } from '../../mocks/persistence/migrations';
import { UnreadableWorldNotice } from '../../src/features/demo/components/unreadable-world-notice';
import { captureDownloads } from '../downloads';
import { demoWorldFixture } from '../fixtures/storage/fixtures';

/*
 * A returning evaluator whose saved demo world this build cannot read is told so, can keep a
 * copy of the old world, and chooses when to start over; nothing is discarded before that.
 */

const downloads = captureDownloads();

it('says a newer world cannot be opened, exports it whole, and resets only when asked', async () => {
  const dbName = 'unreadable-world-test';
  const newer = demoWorldFixture('v0');
  newer.entries.push(['version', STORAGE_VERSION + 1]);
  await importIndexedDbWorld(newer, dbName);
  const stored = await exportIndexedDbWorld(dbName);

  const opened = await openDemoWorld(dbName);
  if (!('unreadable' in opened)) throw new Error('The newer world opened');
  let resets = 0;
  render(
    <UnreadableWorldNotice
      message={opened.unreadable.message}
      exportWorld={opened.unreadable.exportWorld}
      reset={async () => {
        resets += 1;
        await opened.unreadable.reset();
      }}
    />,
  );
  const user = userEvent.setup();

  expect(screen.getByRole('heading', { name: /this demo world cannot be opened/i })).toBeVisible();
  expect(screen.getByRole('alert')).toHaveTextContent(
    new RegExp(
      `storage version ${STORAGE_VERSION + 1}, but this build reads versions up to ${STORAGE_VERSION}\\b`,
    ),
  );
  // Nothing is lost before the evaluator chooses.
  expect(await exportIndexedDbWorld(dbName)).toEqual(stored);

  await user.click(screen.getByRole('button', { name: 'Export old world' }));
  // The export reads the stored world first, so the confirmation comes a moment later.
  await waitFor(() =>
    expect(screen.getByRole('status')).toHaveTextContent(/old world was downloaded/i),
  );
  expect(downloads).toHaveLength(1);
  expect(JSON.parse(await downloads[0]!.text())).toEqual(stored);

  await user.click(screen.getByRole('button', { name: 'Reset demo' }));
  expect(resets).toBe(1);
  expect((await exportIndexedDbWorld(dbName)).entries).toEqual([]);
  // The next start seeds a fresh world.
  expect('backend' in (await openDemoWorld(dbName))).toBe(true);
});
