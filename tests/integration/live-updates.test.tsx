import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openStatuses } from '../../src/domain/lifecycle';
import { useLiveStore } from '../../src/stores/live-store';
import { backend, server, withoutLiveUpdates } from '../msw';
import { renderApp } from '../render';
import { apiAs, item, lateOrder, openCheckpoint, resetDraftStore } from './checkpoint-helpers';

/*
 * Changes made by someone else reach an open screen through the change stream, well before
 * the queue's 10 s poll would have fetched them.
 */
vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => {
  resetDraftStore();
  // The router restores window scroll on navigation; jsdom does not implement it.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

const count = (n: number) => n.toLocaleString('en-US');
const unassignedOpen = () =>
  [...backend.state.handoffs.values()].filter(
    (h) => openStatuses.includes(h.status) && h.assignee === null,
  ).length;

/** The status message (role status) that says `notice`. */
const statusWith = (notice: HTMLElement) => {
  const [box] = screen.getAllByRole('status').filter((s) => s.contains(notice));
  if (!box) throw new Error(`No status message says “${notice.textContent}”`);
  return box;
};

async function waitUntilLive() {
  expect(await screen.findByText('Live', {}, { timeout: 5000 })).toBeInTheDocument();
  expect(backend.listenerCount).toBe(1);
}

describe('live updates', () => {
  it('says in the header whether updates are live', async () => {
    const { unmount } = renderApp('/queue');
    const status = await screen.findByText('Live', {}, { timeout: 5000 });
    expect(status).toHaveAttribute('aria-live', 'polite');
    unmount();
    // Leaving the app closes the stream on the server too.
    await waitFor(() => expect(backend.listenerCount).toBe(0));
  });

  it('falls back to polling while the stream is down and reconnects by itself', async () => {
    withoutLiveUpdates();
    renderApp('/queue');
    const status = await screen.findByText('Reconnecting… updates every 10 s', undefined, {
      timeout: 5000,
    });
    expect(status).toHaveAttribute('aria-live', 'polite');
    // The stream comes back: the next attempt (after a second) finds it.
    server.resetHandlers();
    expect(await screen.findByText('Live', undefined, { timeout: 4000 })).toBeInTheDocument();
  });

  it('updates the queue within a second or two when someone else claims an item', async () => {
    const before = unassignedOpen();
    renderApp('/queue?assignee=unassigned');
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: `Queue ${count(before)} handoffs` },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    await waitUntilLive();

    const startedAt = Date.now();
    await apiAs('u-ben').claimNextHandoff({ idempotencyKey: 'ben-takes-one' });
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: `Queue ${count(before - 1)} handoffs` },
        { timeout: 2500 },
      ),
    ).toBeInTheDocument();
    // Well inside the 10 s poll: the stream told the queue.
    expect(Date.now() - startedAt).toBeLessThan(2500);
  });

  it('tells the reviewer in place when someone else claims the open item, keeping their text', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    await waitUntilLive();
    await user.clear(ui.editor());
    await user.type(ui.editor(), 'My careful reply.');

    await act(() =>
      apiAs('u-ben').claimHandoff({
        params: { id: h.id },
        body: { version: item(h.id).version },
        idempotencyKey: 'ben-claims',
      }),
    );

    const notice = await screen.findByText('Ben Okafor just claimed this item', undefined, {
      timeout: 2000,
    });
    expect(statusWith(notice)).toBeInTheDocument();
    // The item itself is refetched: Ben holds it now.
    expect(
      await screen.findByText('Ben Okafor holds this item', undefined, { timeout: 2000 }),
    ).toBeInTheDocument();
    // Nothing the reviewer wrote is touched.
    expect(ui.editor()).toHaveValue('My careful reply.');
  });

  it('says when someone else decided the open item, and can be dismissed', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`);
    await openCheckpoint(h.ticket.subject);
    await waitUntilLive();

    const ben = apiAs('u-ben');
    await act(async () => {
      const claimed = await ben.claimHandoff({
        params: { id: h.id },
        body: { version: item(h.id).version },
        idempotencyKey: 'ben-claims',
      });
      await ben.decideHandoff({
        params: { id: h.id },
        body: {
          action: 'reject',
          version: claimed.version,
          timeOnItemMs: 5000,
          reason: 'Duplicate of another ticket.',
        },
        idempotencyKey: 'ben-rejects',
      });
    });
    const notice = await screen.findByText('Ben Okafor just decided it: Rejected', undefined, {
      timeout: 2000,
    });
    const box = statusWith(notice);
    await user.click(within(box).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/just decided it/)).not.toBeInTheDocument();
  });

  it('does not tell reviewers about their own changes', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`);
    await openCheckpoint(h.ticket.subject);
    await waitUntilLive();
    await user.click(screen.getByRole('button', { name: /^claim$/i }));
    expect(await screen.findByRole('button', { name: /release/i })).toBeInTheDocument();
    // Wait until the stream has delivered the claim to the app, then let it render.
    await waitFor(() =>
      expect(useLiveStore.getState().lastChange).toMatchObject({
        id: h.id,
        status: 'claimed',
        by: { id: 'u-ana' },
      }),
    );
    await act(async () => {});
    expect(screen.queryByText(/just claimed this item/)).not.toBeInTheDocument();
  });
});
