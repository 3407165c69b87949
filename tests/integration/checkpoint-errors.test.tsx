import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { IDEMPOTENCY_HEADER } from '../../src/api/headers';
import { makeProblem } from '../../src/api/problem';
import { decisionScope } from '../../src/stores/decision-intent';
import { useDraftStore } from '../../src/stores/draft-store';
import { INTENT_STORAGE_KEY, useIntentStore } from '../../src/stores/intent-store';
import { startBuiltInAgent } from '../kits/built-in-agent';
import { API_BASE, backend, server, withoutLiveUpdates } from '../msw';
import { renderApp } from '../render';
import {
  apiAs,
  eventsOf,
  item,
  lateOrder,
  openCheckpoint,
  reloadStores,
  resetDraftStore,
} from './checkpoint-helpers';

// Whole-app journeys against the mock backend; real timers for the 800 ms autosave.
vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => resetDraftStore());

const decisionsUrl = `${API_BASE}/handoffs/:id/decisions`;

/** Keys of every decision request that reached the network, in order. */
function recordDecisionKeys(): string[] {
  const keys: string[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && request.url.endsWith('/decisions')) {
      keys.push(request.headers.get(IDEMPOTENCY_HEADER) ?? '');
    }
  });
  return keys;
}

afterEach(() => server.events.removeAllListeners());

describe('checkpoint: conflicts', () => {
  // The safety net for a change the live stream did not deliver (or not in time).
  beforeEach(() => withoutLiveUpdates());

  it('shows both versions when the item changed under an edit, and keeps the text', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);

    // Ben takes the item after Ana opened it.
    await apiAs('u-ben').claimHandoff({
      params: { id: h.id },
      body: { version: 1 },
      idempotencyKey: 'ben-claims',
    });

    await user.clear(ui.editor());
    await user.type(ui.editor(), 'My careful reply to Sarah.');

    // The autosave meets the change.
    const conflict = await screen.findByRole(
      'region',
      { name: 'This item changed while you were working' },
      { timeout: 3000 },
    );
    const mine = within(conflict).getByRole('article', { name: 'Your version' });
    expect(within(mine).getByText('My careful reply to Sarah.')).toBeInTheDocument();
    expect(within(mine).getByText(/Written on version 1/)).toBeInTheDocument();
    const current = within(conflict).getByRole('article', { name: 'The item now (version 2)' });
    expect(within(current).getByText('Claimed')).toBeInTheDocument();
    expect(within(current).getByText('Ben Okafor')).toBeInTheDocument();
    expect(within(current).getByText(/full refund of \$649\.00/)).toBeInTheDocument();
    expect(ui.editor()).toHaveValue('My careful reply to Sarah.');

    await user.click(
      within(conflict).getByRole('button', {
        name: 'Keep my text and continue on the current version',
      }),
    );
    expect(
      screen.queryByRole('region', { name: /changed while you were working/ }),
    ).not.toBeInTheDocument();
    // Ben holds it now: Ana's text stays, read-only, on her device.
    expect(ui.editor()).toHaveValue('My careful reply to Sarah.');
    expect(ui.editor()).toHaveAttribute('readonly');
    expect(screen.getByText('Ben Okafor holds this item')).toBeInTheDocument();
    expect(screen.getByText(/Not saved to server — kept on this device/)).toBeInTheDocument();
    expect(useDraftStore.getState().drafts[h.id]?.text).toBe('My careful reply to Sarah.');
  });

  it('on a conflicting approval, re-bases the text on the current version and approves it', async () => {
    const h = lateOrder();
    const user = userEvent.setup();
    // An L2 specialist: the chosen option's $129.80 credit is beyond L1's $100.
    renderApp(`/handoffs/${h.id}`, { actorId: 'u-chen' });
    const ui = await openCheckpoint(h.ticket.subject);

    // Meanwhile Femi, also L2, claims and releases: same item, two versions later.
    const femi = apiAs('u-femi');
    const claimed = await femi.claimHandoff({
      params: { id: h.id },
      body: { version: 1 },
      idempotencyKey: 'femi-1',
    });
    await femi.releaseHandoff({
      params: { id: h.id },
      body: { version: claimed.version },
      idempotencyKey: 'femi-2',
    });
    expect(item(h.id).version).toBe(3);

    await user.click(screen.getByRole('checkbox', { name: /I have reviewed/i }));
    await user.click(screen.getByRole('radio', { name: /20% credit/ }));
    await user.click(ui.approveButton());

    const conflict = await screen.findByRole('region', {
      name: 'This item changed while you were working',
    });
    expect(
      within(conflict).getByText(/You were working on version 1; the item is now at version 3/),
    ).toBeInTheDocument();
    expect(item(h.id).status).toBe('pending');
    const chosenDraft = item(h.id).context.options[1]?.draft;
    expect(ui.editor()).toHaveValue(chosenDraft);

    await user.click(within(conflict).getByRole('button', { name: /Keep my text/ }));
    await user.click(ui.approveButton());

    await waitFor(() => expect(item(h.id).status).toBe('approved'));
    expect(item(h.id).outcome?.finalText).toBe(chosenDraft);
  });

  it('discarding mine adopts the current item', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    await apiAs('u-ben').claimHandoff({
      params: { id: h.id },
      body: { version: 1 },
      idempotencyKey: 'ben-claims',
    });
    await user.type(ui.editor(), ' mine');
    const conflict = await screen.findByRole(
      'region',
      { name: /changed while you were working/ },
      { timeout: 3000 },
    );
    await user.click(within(conflict).getByRole('button', { name: 'Discard mine' }));
    expect(ui.editor()).toHaveValue(item(h.id).drafts[0]?.text);
    expect(useDraftStore.getState().drafts[h.id]).toBeUndefined();
    expect(screen.getByText('Ben Okafor holds this item')).toBeInTheDocument();
  });
});

describe('checkpoint: failures keep the work', () => {
  it('on a network error keeps the text and the decision; Retry reuses the key and applies it once', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    const keys = recordDecisionKeys();
    // The request reaches the server and is applied, but the answer is lost on the way back.
    server.use(
      http.post(
        decisionsUrl,
        async ({ request }) => {
          const url = new URL(request.url);
          await backend.handle({
            method: 'POST',
            path: url.pathname.replace(/^\/api/, ''),
            query: url.searchParams,
            headers: request.headers,
            body: await request.text(),
          });
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    await user.type(ui.editor(), ' Edited.');
    const text = ui.editor().value;

    await user.click(screen.getByRole('button', { name: 'Reject' }));
    await user.type(screen.getByLabelText('Reason'), 'Offer is too generous');
    await user.click(within(ui.form('Reject the draft')).getByRole('button', { name: 'Reject' }));

    expect(await screen.findByText('Could not reach the server')).toBeInTheDocument();
    expect(
      screen.getByText(/Your rejection and your text are kept on this device/),
    ).toBeInTheDocument();
    expect(ui.editor()).toHaveValue(text);
    // The intent and its key wait on this device.
    const stored = JSON.parse(localStorage.getItem(INTENT_STORAGE_KEY) ?? '{}');
    expect(stored.state.intents[decisionScope(h.id)]).toMatchObject({
      key: keys[0],
      payload: { action: 'reject' },
    });

    await user.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText(/Rejected ticket #7001/)).toBeInTheDocument();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(item(h.id).status).toBe('rejected');
    expect(eventsOf(h.id).filter((e) => e.action === 'rejected')).toHaveLength(1);
    expect(useIntentStore.getState().intents[decisionScope(h.id)]).toBeUndefined();
  });

  it('offers the unconfirmed decision again after a reload, with the same key', async () => {
    onTestFinished(await startBuiltInAgent(backend));
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    const keys = recordDecisionKeys();
    server.use(http.post(decisionsUrl, () => HttpResponse.error(), { once: true }));
    const first = renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    await user.keyboard('d');
    await user.type(
      screen.getByLabelText('Instructions for the AI'),
      'Shorter, and offer the credit.',
    );
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Could not reach the server')).toBeInTheDocument();
    expect(ui.editor()).toBeInTheDocument();
    first.unmount();

    await reloadStores();

    renderApp(`/handoffs/${h.id}`);
    await openCheckpoint(h.ticket.subject);
    expect(screen.getByText('Your redirect was not confirmed')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText(/The AI wrote draft 2/)).toBeInTheDocument();
    expect(keys[1]).toBe(keys[0]);
    expect(eventsOf(h.id).filter((e) => e.action === 'redirected')).toHaveLength(1);
  });

  it('maps the server’s field errors onto the form', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    server.use(
      http.post(decisionsUrl, () =>
        HttpResponse.json(
          makeProblem('validation', 'Some fields need attention.', {
            errors: [
              { pointer: '/reason', message: 'Say what is wrong with the draft, not just “bad”.' },
            ],
          }),
          { status: 422 },
        ),
      ),
    );
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    await user.keyboard('r');
    await user.type(screen.getByLabelText('Reason'), 'bad bad');
    await user.click(within(ui.form('Reject the draft')).getByRole('button', { name: 'Reject' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Reason')).toHaveAccessibleDescription(
        /Say what is wrong with the draft/,
      ),
    );
    expect(screen.getByLabelText('Reason')).toHaveValue('bad bad');
    // A 4xx is an answer: the intent is finished, nothing waits to be retried.
    expect(useIntentStore.getState().intents[decisionScope(h.id)]).toBeUndefined();
  });

  it('goes to the queue with a message when nothing is left to claim', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    server.use(
      http.post(`${API_BASE}/handoffs/claim-next`, () =>
        HttpResponse.json(makeProblem('queue_empty', 'No unclaimed items.'), { status: 404 }),
      ),
    );
    const { history } = renderApp(`/handoffs/${h.id}`);
    await openCheckpoint(h.ticket.subject);
    await user.keyboard('r');
    await user.type(screen.getByLabelText('Reason'), 'Not our policy');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(history.location.pathname).toBe('/queue'));
    expect(history.location.state.flash).toMatch(
      /Rejected ticket #7001: nothing was sent\. Nothing left to claim/,
    );
  });
});
