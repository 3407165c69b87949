import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { backend, backendClock, TEST_NOW, withoutLiveUpdates } from '../msw';
import { renderApp } from '../render';
import { apiAs, eventsOf, item, resetDraftStore } from './checkpoint-helpers';

/*
 * Approval gates and the handoff kinds beyond the checkpoint, as a reviewer meets them: the
 * countdown in the queue and on the item, what the system did when a gate timed out, and the
 * actions on an item the AI is working on, has failed, or is asked to do.
 */

beforeAll(() => {
  // jsdom has no layout; give the queue's scroll container a size so rows render.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('queue-grid') ? 600 : 0;
    },
  });
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
});
beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  resetDraftStore();
});
afterEach(() => vi.useRealTimers());

/** The screen's clock starts where the seeded world's does, and keeps running. */
function screenClockAtSeed() {
  vi.useFakeTimers({
    now: TEST_NOW,
    shouldAdvanceTime: true,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
}

const rowOf = (ticket: number) =>
  screen.findByRole('row', { name: new RegExp(`#${ticket} `) }, { timeout: 5000 });

describe('approval gates', { timeout: 20_000 }, () => {
  it('counts gates down in the queue, warning before the timeout and saying so once', async () => {
    screenClockAtSeed();
    renderApp('/queue?sort=createdAt&order=desc');
    const soon = await rowOf(4522);
    const badge = within(soon).getByTitle(/Approval gate: then hold \+ escalate/);
    // A fresh world opens calm: the soonest gate has 18 minutes left.
    expect(badge).not.toHaveClass('badge-warning');
    expect(badge).toHaveTextContent(/Gate (18:00|17:59)/);
    const calm = within(await rowOf(4523)).getByTitle(/then auto-approve/);
    expect(calm).not.toHaveClass('badge-warning');
    expect(calm).toHaveTextContent(/Gate (50:00|49:5\d)/);

    // Five minutes before it closes, it warns: jump the screen's clock there, then let it tick.
    vi.setSystemTime(TEST_NOW + 13 * 60_000);
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(badge).toHaveClass('badge-warning');
    expect(badge).toHaveTextContent(/⚠ Gate 4:5\d/);
    expect(
      within(badge).getByText(
        /Approval gate: 4 minutes 5\d seconds left, then hold \+ escalate\. Closing soon\./,
      ),
    ).toBeInTheDocument();
    expect(calm).toHaveTextContent(/Gate (37:00|36:5\d)/);
    const status = screen
      .getAllByRole('status')
      .find((s) => /closes soon/.test(s.textContent ?? ''));
    expect(status).toHaveTextContent('Approval gate on #4522 closes soon, then hold + escalate.');
    // Rows without a gate show none.
    expect(within(await rowOf(4521)).queryByTitle(/Approval gate/)).toBeNull();
  });

  it('shows on the item what the system did when the gate timed out, and why', async () => {
    screenClockAtSeed();
    renderApp('/handoffs/h-4522');
    await screen.findByRole('heading', { level: 1, name: /Wrong size sent/ }, { timeout: 5000 });
    expect(screen.getByText(/^(18:00|17:59) left$/)).toBeInTheDocument();
    expect(
      screen.getByText('· then the system will send a holding reply and escalate one level'),
    ).toBeInTheDocument();

    // Nobody decides; the backend's clock passes the timeout and its job runs.
    backendClock.now = TEST_NOW + 18 * 60_000;
    await act(() => backend.tick());
    const notice = await screen.findByText(/The approval gate timed out at/, {}, { timeout: 5000 });
    expect(notice).toHaveTextContent(
      /the system chose to send a holding reply and escalate one level/,
    );
    expect(
      screen.getByText(/^Why: Nobody decided before the approval gate timed out at 09:18 UTC/),
    ).toBeInTheDocument();
    expect(screen.getByText('Holding reply sent to the customer')).toBeInTheDocument();
    expect(item('h-4522')).toMatchObject({ status: 'escalated', level: 'l2' });
    expect(
      eventsOf('h-4522')
        .filter((e) => e.actor.type === 'system')
        .map((e) => e.action),
    ).toEqual(['expired', 'escalated']);
  });
});

describe('an AI failure', { timeout: 20_000 }, () => {
  it('tells the people at the responsible level, linking to those items', async () => {
    const failedAtL1 = [...backend.state.handoffs.values()].filter(
      (h) => h.status === 'failed' && h.level === 'l1',
    ).length;
    renderApp('/queue');
    const link = await screen.findByRole(
      'link',
      {
        name: `${failedAtL1} AI failures need L1 Support`,
      },
      { timeout: 5000 },
    );
    expect(link).toHaveAttribute('href', '/queue?status=failed&level=l1');
  });

  it('retries, and when the AI fails again the same way, the reviewer takes it over', async () => {
    const user = userEvent.setup();
    renderApp('/handoffs/h-4525');
    const panel = await screen.findByRole(
      'region',
      { name: 'The AI could not finish this task' },
      { timeout: 5000 },
    );
    expect(
      within(panel).getByText('Ledger returned two conflicting refund records'),
    ).toBeInTheDocument();
    expect(within(panel).getByText('retrieved the refund policy')).toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: /^Retry/ }));
    expect(await screen.findByText(/The AI failed again the same way/)).toBeInTheDocument();
    expect(
      eventsOf('h-4525')
        .slice(-2)
        .map((e) => e.action),
    ).toEqual(['retried', 'failed']);

    await user.keyboard('t');
    expect(await screen.findByText('You (Ana Ortiz)')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'The AI could not finish this task' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Reply to customer' })).not.toHaveAttribute(
      'readonly',
    );
    expect(item('h-4525')).toMatchObject({ status: 'claimed', assignee: { id: 'u-ana' } });
  });

  it('a retry that works brings the new draft back to the reviewer', async () => {
    const user = userEvent.setup();
    renderApp('/handoffs/h-4524');
    const panel = await screen.findByRole(
      'region',
      { name: 'The AI could not finish this task' },
      { timeout: 5000 },
    );
    await user.click(within(panel).getByRole('button', { name: /^Retry/ }));
    expect(
      await screen.findByText(/^The AI finished on retry\. The new draft/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Reply to customer' })).toHaveValue(
        item('h-4524').drafts.at(-1)!.text,
      ),
    );
    expect(item('h-4524').context.diagnosis).toBeNull();
  });

  it('reassigns to another level with a note, and that level is told', async () => {
    const user = userEvent.setup();
    renderApp('/handoffs/h-4525');
    const panel = await screen.findByRole(
      'region',
      { name: 'The AI could not finish this task' },
      { timeout: 5000 },
    );
    await user.keyboard('g');
    const form = within(panel).getByRole('form', { name: 'Reassign the failed task' });
    await user.click(within(form).getByRole('button', { name: 'Reassign' }));
    expect(await within(form).findByText('Choose either a level or a person.')).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText('Hand to'), 'L2 Specialist');
    await user.type(
      within(form).getByLabelText('Note for whoever takes it'),
      'The ledger needs a specialist.',
    );
    await user.click(within(form).getByRole('button', { name: 'Reassign' }));
    expect(await screen.findByText('Reassigned; that level has been told.')).toBeInTheDocument();
    expect(item('h-4525')).toMatchObject({ status: 'failed', level: 'l2' });
  });

  it('counts failures reassigned to a level in that level’s notice', async () => {
    const h = item('h-4525');
    await apiAs('u-ana').reassignHandoff({
      params: { id: h.id },
      body: { version: h.version, level: 'l2', note: 'Needs L2.' },
      idempotencyKey: 'to-l2',
    });
    const failedAtL2 = [...backend.state.handoffs.values()].filter(
      (x) => x.status === 'failed' && x.level === 'l2',
    ).length;
    renderApp('/queue', { actorId: 'u-chen' });
    expect(
      await screen.findByRole(
        'link',
        {
          name:
            failedAtL2 === 1
              ? '1 AI failure needs L2 Specialist'
              : `${failedAtL2} AI failures need L2 Specialist`,
        },
        { timeout: 5000 },
      ),
    ).toHaveAttribute('href', '/queue?status=failed&level=l2');
  });
});

describe('override and initiation', { timeout: 20_000 }, () => {
  it('pauses the AI mid-task: the item waits for a person', async () => {
    const user = userEvent.setup();
    renderApp('/handoffs/h-4526');
    const panel = await screen.findByRole(
      'region',
      { name: 'The AI is working on this item' },
      { timeout: 5000 },
    );
    await user.click(within(panel).getByRole('button', { name: /^Pause the AI/ }));
    expect(await screen.findByText(/^Ana Ortiz paused the AI mid-task/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'The AI is working on this item' })).toBeNull();
    expect(item('h-4526')).toMatchObject({ status: 'pending', kind: 'override' });
  });

  it('takes over from the AI, or says why not when someone else got there first', async () => {
    // The stream would show Ben's take-over at once; without it the screen is a step behind.
    withoutLiveUpdates();
    const user = userEvent.setup();
    renderApp('/handoffs/h-4526');
    await screen.findByRole(
      'region',
      { name: 'The AI is working on this item' },
      { timeout: 5000 },
    );
    await screen.findByText(/^Reconnecting/, {}, { timeout: 5000 });
    await apiAs('u-ben').takeOverHandoff({
      params: { id: 'h-4526' },
      body: { version: item('h-4526').version },
      idempotencyKey: 'ben-first',
    });
    await user.keyboard('t');
    expect(await screen.findByRole('alert')).toHaveTextContent(/changed while you were working/i);
    // The refusal carries the item as it is now: the screen shows who holds it.
    expect(await screen.findByText('Ben Okafor holds this item')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'The AI is working on this item' })).toBeNull();
  });

  it('hands the AI a task; the result comes back as a new item held by the reviewer', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/handoffs/h-4521');
    await screen.findByRole('heading', { level: 1, name: /two weeks late/i }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: /^Ask the AI/ }));
    const field = screen.getByLabelText('Instructions for the AI');
    expect(field).toHaveFocus();
    await user.type(field, 'Draft a short follow-up confirming the refund went through.');
    await user.click(screen.getByRole('button', { name: 'Send to the AI' }));
    await waitFor(() => expect(history.location.pathname).toBe('/handoffs/h-4521-t1'));
    expect(
      await screen.findByText(/The AI drafted a reply about ticket #4521 from your instructions/),
    ).toBeInTheDocument();
    expect(screen.getByText('Initiation')).toBeInTheDocument();
    expect(screen.getByText('You (Ana Ortiz)')).toBeInTheDocument();
    expect(eventsOf('h-4521-t1').map((e) => e.action)).toEqual([
      'initiated',
      'draft_revised',
      'claimed',
    ]);
  });
});
