import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { seedUsers } from '../../mocks/seed/users';
import type { Handoff } from '../../src/api/handoff-schemas';
import { operations, pathOf } from '../../src/api/operations';
import { defaultLadder } from '../../src/domain/default-ladder';
import { defaultTeamDirectory } from '../../src/domain/default-teams';
import { messagesSinceDraft } from '../../src/domain/follow-ups';
import { teamClaimProblem } from '../../src/domain/team-claims';
import { putItem } from '../kits/items';
import { API_BASE, backend, server } from '../msw';
import { renderApp } from '../render';
import { eventsOf, item, lateOrder, openCheckpoint, resetDraftStore } from './checkpoint-helpers';

// Whole-app journeys against the mock backend; real timers for the 800 ms autosave.
vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => resetDraftStore());

const authority = () => screen.getByRole('region', { name: 'Your authority' });
/** The preview needs to know who is looking, which loads beside the item. */
const authorityLoaded = () => screen.findByRole('region', { name: 'Your authority' });

describe('checkpoint: authority on the ladder', () => {
  it('says before approving what the reviewer’s authority covers for this reply', async () => {
    const user = userEvent.setup();
    const h = putItem({ refund: 649 });
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    await authorityLoaded();
    expect(
      within(authority()).getByText(
        'This draft promises a $649.00 refund: Manager or above approves.',
      ),
    ).toBeInTheDocument();
    expect(
      within(authority()).getByText('L1 Support approves refunds and credits up to $100.'),
    ).toBeInTheDocument();
    expect(within(authority()).getByRole('button', { name: 'Escalate to Manager' })).toBeEnabled();

    // Cutting the promise to within the limit is the other way out.
    await user.clear(ui.editor());
    await user.type(ui.editor(), 'Refund of $90.00 sent.');
    expect(
      within(authority()).getByText('This draft promises a $90.00 refund: within your authority.'),
    ).toBeInTheDocument();
    expect(within(authority()).queryByRole('button')).not.toBeInTheDocument();
  });

  it('previews against the ladder the server serves, once it has loaded', async () => {
    // A ladder where L1 may refund up to $1,000 (and L2 up to $2,000): the $649.00 refund is
    // then theirs to approve.
    const limits: Partial<Record<string, number>> = { l1: 1000, l2: 2000 };
    const generous = defaultLadder.map((l) => ({
      ...l,
      refundLimit: limits[l.level] ?? l.refundLimit,
    }));
    let release: () => void = () => {};
    const served = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.get(`${API_BASE}${pathOf(operations.getLadder)}`, async () => {
        await served;
        return HttpResponse.json(generous);
      }),
    );
    const h = putItem({ refund: 649 });
    renderApp(`/handoffs/${h.id}`);
    await openCheckpoint(h.ticket.subject);
    expect(screen.queryByRole('region', { name: 'Your authority' })).not.toBeInTheDocument();

    release();
    await authorityLoaded();
    expect(
      within(authority()).getByText('This draft promises a $649.00 refund: within your authority.'),
    ).toBeInTheDocument();
    expect(
      within(authority()).getByText('L1 Support approves refunds and credits up to $1,000.'),
    ).toBeInTheDocument();
  });

  it('shows the server’s 403 in place, keeps the reply, and escalates to the level that can with one key', async () => {
    // The legal threat keeps the item from L1: an L2 specialist meets the refund limit.
    const h = lateOrder();
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`, { actorId: 'u-chen' });
    const ui = await openCheckpoint(h.ticket.subject);
    await user.click(screen.getByRole('checkbox', { name: /I have reviewed/i }));
    await user.click(screen.getByRole('radio', { name: /Full refund/ }));
    await user.type(ui.editor(), ' Thank you for your patience.');
    const text = ui.editor().value;
    ui.editor().blur();
    await user.keyboard('a');

    expect(await screen.findByText('Not within your authority')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Refunds over $500 need Manager or above; this draft promises $649.00. You are L2 Specialist.',
      ),
    ).toBeInTheDocument();
    expect(ui.editor()).toHaveValue(text);
    expect(item(h.id).outcome).toBeNull();
    expect(eventsOf(h.id).some((e) => e.action === 'approved')).toBe(false);

    // One key: the escalation form opens at Manager with the reason, ready to send.
    await user.keyboard('x');
    const form = ui.form('Escalate');
    expect(within(form).getByLabelText('Escalate to')).toHaveValue('manager');
    const note = within(form).getByLabelText('Note for the next level');
    expect(note).toHaveFocus();
    expect(note).toHaveValue(
      'Refunds over $500 need Manager or above; this draft promises $649.00. You are L2 Specialist.',
    );
    await user.type(note, ' She asked for a full refund.');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(item(h.id).level).toBe('manager'));
    expect(item(h.id)).toMatchObject({
      status: 'escalated',
      assignee: null,
      escalation: {
        by: { id: 'u-chen' },
        fromLevel: 'l2',
        note: 'Refunds over $500 need Manager or above; this draft promises $649.00. You are L2 Specialist. She asked for a full refund.',
      },
      // The reviewer's reply travels with the item.
      workingDraft: { text },
    });
    expect(await screen.findByText(/Escalated ticket #7001 to Manager/)).toBeInTheDocument();
  });

  it('shows the manager the escalator’s note first, and lets them decide', async () => {
    const h = lateOrder();
    const user = userEvent.setup();
    await backend.handle({
      method: 'POST',
      path: `/handoffs/${h.id}/decisions`,
      query: new URLSearchParams(),
      headers: new Headers({ 'X-Actor-Id': 'u-chen', 'Idempotency-Key': 'chen-up' }),
      body: JSON.stringify({
        action: 'escalate',
        version: h.version,
        timeOnItemMs: 50_000,
        targetLevel: 'manager',
        note: 'Full refund of $649 requested; beyond my limit.',
      }),
    });
    renderApp(`/handoffs/${h.id}`, { actorId: 'u-dana' });
    const ui = await openCheckpoint(h.ticket.subject);
    await authorityLoaded();
    const note = screen.getByRole('region', { name: 'Escalated from L2 Specialist by Chen Wei' });
    expect(within(note).getByLabelText('Escalation note')).toHaveTextContent(
      'Full refund of $649 requested; beyond my limit.',
    );
    expect(
      within(authority()).getByText('This draft promises a $649.00 refund: within your authority.'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: /I have reviewed/i }));
    await user.click(screen.getByRole('radio', { name: /Full refund/ }));
    await user.click(ui.approveButton());
    await waitFor(() => expect(item(h.id).status).toBe('approved'));
    expect(item(h.id).outcome?.by).toMatchObject({ id: 'u-dana' });
  });
});

describe('checkpoint: stale drafts', () => {
  /** A seeded L1 item with a message newer than its draft, and an L1 reviewer of its team. */
  function staleItem(): { h: Handoff; actorId: string } {
    const reviewers = seedUsers.filter((u) => u.level === 'l1');
    for (const h of backend.state.handoffs.values()) {
      if (h.status !== 'pending' || h.level !== 'l1' || messagesSinceDraft(h).length === 0)
        continue;
      const actor = reviewers.find(
        (u) => teamClaimProblem(h, u, defaultTeamDirectory.teams, seedUsers) === null,
      );
      if (actor) return { h, actorId: actor.id };
    }
    throw new Error('the seed has no stale draft');
  }

  it('shows the new customer message and holds approval until the reviewer says they read it', async () => {
    const user = userEvent.setup();
    const { h, actorId } = staleItem();
    const message = h.ticket.followUps?.at(-1);
    renderApp(`/handoffs/${h.id}`, { actorId });
    await screen.findByRole('heading', { level: 1, name: h.ticket.subject }, { timeout: 5000 });

    const request = screen.getByRole('region', { name: 'Request' });
    const fresh = within(request).getByLabelText('New customer message');
    expect(fresh).toHaveTextContent(message?.body ?? '?');
    expect(within(fresh).getByTitle('Arrived after the draft')).toHaveTextContent(
      message?.body ?? '?',
    );
    expect(within(request).getByText('New since the draft')).toBeInTheDocument();

    const approve = screen.getByRole('button', { name: /^approve/i });
    expect(approve).toBeDisabled();
    expect(screen.getByText(/tick “I’ve read the new message” from the customer/)).toBeVisible();

    // Keyboard only: tab to the acknowledgement and tick it with the space bar.
    const ack = within(request).getByRole('checkbox', { name: 'I’ve read the new message' });
    ack.focus();
    await user.keyboard(' ');
    expect(ack).toBeChecked();
    expect(approve).toBeEnabled();
    await user.click(approve);

    await waitFor(() => expect(item(h.id).status).toBe('approved'));
  });
});
