import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { sampleAutoApproved } from '../../mocks/core/post-hoc/test-kit';
import { IDEMPOTENCY_HEADER } from '../../src/api/headers';
import { API_BASE, backend, server } from '../msw';
import { renderApp } from '../render';
import {
  eventsOf,
  item,
  lateOrder,
  openCheckpoint,
  reloadStores,
  resetDraftStore,
} from './checkpoint-helpers';

/*
 * A write the server never answered, met again after a reload: sent once more with the same
 * key, applied once. One still in flight in this page load is never sent a second time.
 */
vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => {
  resetDraftStore();
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});
afterEach(() => server.events.removeAllListeners());

/** Keys of every POST to a path ending in `suffix` that reached the network, in order. */
function recordKeys(suffix: string): string[] {
  const keys: string[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith(suffix)) {
      keys.push(request.headers.get(IDEMPOTENCY_HEADER) ?? '');
    }
  });
  return keys;
}

/** Lets the backend apply the request, then cuts the line before the answer arrives. */
async function applyThenCut(request: Request) {
  const url = new URL(request.url);
  await backend.handle({
    method: 'POST',
    path: url.pathname.replace(/^\/api/, ''),
    query: url.searchParams,
    headers: request.headers,
    body: await request.text(),
  });
  return HttpResponse.error();
}

const reviewsOf = (id: string) =>
  (backend.state.events.get(id) ?? []).filter((e) => e.action === 'post_hoc_reviewed');

async function openFirstReview() {
  const sampled = sampleAutoApproved(backend, 1);
  const first = sampled[0]!;
  const view = renderApp('/review', { actorId: 'u-chen' });
  // Generous: the first render of a file also loads the code-split route.
  const region = await screen.findByRole(
    'region',
    { name: `#${first.ticket.number} ${first.ticket.subject}` },
    { timeout: 5000 },
  );
  return { first, region, view };
}

async function submitGood(region: HTMLElement) {
  const user = userEvent.setup();
  await user.click(within(region).getByRole('radio', { name: /Good/ }));
  await user.click(within(region).getByRole('button', { name: /Submit review/ }));
}

describe('replay after a reload', () => {
  it('sends a review that never reached the server once more after a reload, and records it once', async () => {
    const keys = recordKeys('/post-hoc-review');
    const { first, region, view } = await openFirstReview();
    server.use(
      http.post(`${API_BASE}/handoffs/:id/post-hoc-review`, () => HttpResponse.error(), {
        once: true,
      }),
    );

    await submitGood(region);
    expect(await within(region).findByText('Could not reach the server')).toBeInTheDocument();
    expect(reviewsOf(first.id)).toHaveLength(0);
    view.unmount();

    await reloadStores();
    renderApp('/review', { actorId: 'u-chen' });
    // Sent again on its own, with the same key; the reviewed item leaves the list.
    await waitFor(() => expect(reviewsOf(first.id)).toHaveLength(1));
    expect(keys).toEqual([keys[0], keys[0]]);
    await waitFor(() =>
      expect(
        screen.queryByRole('region', { name: `#${first.ticket.number} ${first.ticket.subject}` }),
      ).toBeNull(),
    );
    expect(keys).toHaveLength(2);
  });

  it('does not send a review again while it is still in flight in this page load', async () => {
    const keys = recordKeys('/post-hoc-review');
    const { first, region, view } = await openFirstReview();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.post(
        `${API_BASE}/handoffs/:id/post-hoc-review`,
        async ({ request }) => {
          await held;
          const url = new URL(request.url);
          const reply = await backend.handle({
            method: 'POST',
            path: url.pathname.replace(/^\/api/, ''),
            query: url.searchParams,
            headers: request.headers,
            body: await request.text(),
          });
          return HttpResponse.json(reply.body as never, { status: reply.status });
        },
        { once: true },
      ),
    );

    await submitGood(region);
    await waitFor(() => expect(keys).toHaveLength(1));
    // The reviewer leaves and comes back without reloading, while the submission travels.
    view.unmount();
    const again = renderApp('/review', { actorId: 'u-chen' });
    expect(
      await screen.findByRole('region', {
        name: `#${first.ticket.number} ${first.ticket.subject}`,
      }),
    ).toBeVisible();
    release();
    await waitFor(() => expect(reviewsOf(first.id)).toHaveLength(1));
    again.unmount();
    expect(keys).toHaveLength(1);
  });

  it('offers a decision whose answer was cut after a reload; Retry applies it once', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    const keys = recordKeys('/decisions');
    server.use(
      http.post(`${API_BASE}/handoffs/:id/decisions`, ({ request }) => applyThenCut(request), {
        once: true,
      }),
    );
    const first = renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    await user.type(screen.getByLabelText('Reason'), 'Offer is too generous');
    await user.click(within(ui.form('Reject the draft')).getByRole('button', { name: 'Reject' }));
    expect(await screen.findByText('Could not reach the server')).toBeInTheDocument();
    expect(item(h.id).status).toBe('rejected');
    first.unmount();

    await reloadStores();
    renderApp(`/handoffs/${h.id}`);
    expect(await screen.findByText('Your rejection was not confirmed')).toBeInTheDocument();
    // Nothing was sent behind the reviewer's back.
    expect(keys).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText(/Rejected ticket #7001/)).toBeInTheDocument();
    expect(keys).toEqual([keys[0], keys[0]]);
    expect(eventsOf(h.id).filter((e) => e.action === 'rejected')).toHaveLength(1);
  });
});
