import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { decisionScope } from '../../src/stores/decision-intent';
import { DRAFT_STORAGE_KEY, useDraftStore } from '../../src/stores/draft-store';
import { useIntentStore } from '../../src/stores/intent-store';
import { startBuiltInAgent } from '../kits/built-in-agent';
import { backend } from '../msw';
import { renderApp } from '../render';
import {
  apiAs,
  eventsOf,
  item,
  lateOrder,
  openCheckpoint,
  resetDraftStore,
  section,
} from './checkpoint-helpers';

// Whole-app journeys against the mock backend; real timers for the 800 ms autosave.
vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => resetDraftStore());

describe('checkpoint: the context package', () => {
  it('shows all seven parts of the context package for #4521', async () => {
    renderApp('/handoffs/h-4521', { actorId: 'u-chen' });
    await openCheckpoint();

    for (const name of [
      'Request',
      'What the AI did',
      'Draft',
      'Confidence',
      'Flags',
      'Options',
      'Your action',
    ]) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeInTheDocument();
    }

    // 1 Request: the customer's words, the legal threat highlighted, the facts around them.
    const request = section('Request');
    const marks = within(request).getAllByTitle(/^Flagged: /);
    expect(marks.map((m) => m.textContent)).toEqual(['legal action']);
    expect(within(request).getByText(/flagged: Policy keyword/)).toBeInTheDocument();
    expect(within(request).getByText(/I will take/)).toBeInTheDocument();
    expect(within(request).getByText('Prior complaints').nextElementSibling).toHaveTextContent('3');
    expect(within(request).getByText('Plus')).toBeInTheDocument();

    // 2 Steps, in order, with outcomes.
    const steps = within(section('What the AI did')).getAllByRole('listitem');
    expect(steps).toHaveLength(5);
    expect(steps[0]).toHaveTextContent(/Classify.*Classified as shipping/);
    expect(steps[4]).toHaveTextContent(/Check.*Warning/);

    // 3 Draft: the AI's reply, editable.
    const editor = screen.getByRole('textbox', { name: 'Reply to customer' });
    expect(editor).toHaveValue(item().drafts[0]?.text);

    // 4 Confidence with its band and meaning.
    const confidence = section('Confidence');
    expect(within(confidence).getAllByText(/85%/).length).toBeGreaterThan(0);
    expect(within(confidence).getByText('high')).toBeInTheDocument();

    // 5 Flags name their rules; the hard stop asks for acknowledgement.
    const flags = section('Flags');
    expect(within(flags).getByRole('heading', { name: 'Policy keyword' })).toBeInTheDocument();
    expect(
      within(flags).getByRole('heading', { name: 'Multiple valid options' }),
    ).toBeInTheDocument();
    expect(within(flags).getByText(/Hard stop/)).toBeInTheDocument();
    expect(within(flags).getByRole('checkbox', { name: /I have reviewed/i })).not.toBeChecked();

    // 6 Options with rationale.
    expect(screen.getByRole('radio', { name: /Full refund/ })).toBeInTheDocument();
    expect(
      screen.getByRole('radio', { name: /20% credit \+ expedited reshipping.*retention matters/ }),
    ).toBeInTheDocument();

    // 7 The one thing asked of the reviewer.
    expect(within(section('Your action')).getByText(item().context.nextAction)).toBeInTheDocument();

    // Audit trail is there too.
    expect(await screen.findByText(/stopped for a human decision/)).toBeInTheDocument();
  });

  it('says plainly when the handoff does not exist', async () => {
    renderApp('/handoffs/h-nope');
    expect(
      await screen.findByRole('heading', { name: 'Handoff not found' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the queue' })).toBeInTheDocument();
  });
});

describe('checkpoint: approving', () => {
  it('keeps approve disabled until the hard stop is acknowledged and an option chosen, then sends the edited text and opens the next item', async () => {
    const h = lateOrder();
    const user = userEvent.setup();
    // An L2 specialist: the chosen option's $129.80 credit is beyond L1's $100.
    const renderedAt = Date.now();
    const { history } = renderApp(`/handoffs/${h.id}`, { actorId: 'u-chen' });
    const ui = await openCheckpoint(h.ticket.subject);
    const shownAt = Date.now();

    expect(ui.approveButton()).toBeDisabled();
    expect(screen.getByText('Approve is unavailable until you:')).toBeVisible();
    expect(
      screen.getByText(/tick “I have reviewed” on the policy keyword hard stop/),
    ).toBeVisible();
    expect(screen.getByText(/choose one of the AI’s 2 options/)).toBeVisible();

    await user.click(screen.getByRole('checkbox', { name: /I have reviewed/i }));
    expect(ui.approveButton()).toBeDisabled();
    expect(
      screen.queryByText(/tick “I have reviewed” on the policy keyword/),
    ).not.toBeInTheDocument();

    // Choosing an option loads its draft (nothing was edited, so no question is asked).
    await user.click(screen.getByRole('radio', { name: /20% credit/ }));
    expect(ui.editor()).toHaveValue(item(h.id).context.options[1]?.draft);
    expect(ui.approveButton()).toBeEnabled();
    expect(ui.approveButton()).toHaveAccessibleName('Approve');

    await user.type(ui.editor(), ' PS: sorry again.');
    expect(ui.approveButton()).toHaveAccessibleName('Approve with edits');
    const finalText = ui.editor().value;
    expect(finalText).toMatch(/PS: sorry again\.$/);

    // The changes view shows the edit as an insertion, in words not only colour.
    await user.click(screen.getByRole('tab', { name: /Changes/ }));
    const inserted = within(screen.getByRole('tabpanel', { name: /Changes/ })).getByRole(
      'insertion',
    );
    expect(inserted).toHaveTextContent(/added:.*sorry again/);
    await user.click(screen.getByRole('tab', { name: 'Edit' }));

    const approvedAt = Date.now();
    await user.click(ui.approveButton());

    await waitFor(() => expect(item(h.id).status).toBe('approved'));
    const recordedBy = Date.now();
    expect(item(h.id).outcome).toMatchObject({ action: 'approve', edited: true, finalText });
    expect(item(h.id).selectedOptionId).toBe('o-2');
    const approved = eventsOf(h.id).filter((e) => e.action === 'approved');
    expect(approved).toHaveLength(1);
    expect(approved[0]?.acknowledgedFlags).toEqual(['policy_keyword']);
    // Time on item is the time the checkpoint was open: at least what the reviewer spent on
    // the open screen, at most the whole journey.
    expect(approved[0]?.timeOnItemMs).toBeGreaterThanOrEqual(approvedAt - shownAt);
    expect(approved[0]?.timeOnItemMs).toBeLessThanOrEqual(recordedBy - renderedAt + 1);

    // The next item by priority opens, with the confirmation.
    await waitFor(() => expect(history.location.pathname).not.toBe(`/handoffs/${h.id}`));
    expect(history.location.pathname).toMatch(/^\/handoffs\/h-/);
    expect(
      await screen.findByText(/Approved ticket #7001: the reply was sent with your edits/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { level: 1, name: h.ticket.subject }),
    ).not.toBeInTheDocument();
    // The reviewer starts on the next item's title, not on nothing.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());
    // The decision is done: nothing of the item is left on this device.
    expect(useDraftStore.getState().drafts[h.id]).toBeUndefined();
    expect(useIntentStore.getState().intents[decisionScope(h.id)]).toBeUndefined();
  });

  it('asks before an option replaces text the reviewer edited', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    await user.clear(ui.editor());
    await user.type(ui.editor(), 'My own reply.');

    await user.click(screen.getByRole('radio', { name: /20% credit/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace your edited reply?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep my text' }));
    expect(ui.editor()).toHaveValue('My own reply.');
    expect(screen.getByRole('radio', { name: /20% credit/ })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: /Full refund/ }));
    await user.click(await screen.findByRole('button', { name: 'Load its draft' }));
    expect(ui.editor()).toHaveValue(item(h.id).context.options[0]?.draft);
  });
});

describe('checkpoint: reject, escalate, redirect', () => {
  it('refuses to reject without a reason and sends nothing; with a reason it rejects', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    const before = structuredClone(item(h.id));
    const eventCount = eventsOf(h.id).length;

    await user.keyboard('r');
    const form = ui.form('Reject the draft');
    expect(within(form).getByLabelText('Reason')).toHaveFocus();
    await user.click(within(form).getByRole('button', { name: 'Reject' }));

    const reason = within(form).getByLabelText('Reason');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(/A reason is required \(at least 5 characters\)/);
    expect(item(h.id)).toEqual(before);
    expect(eventsOf(h.id)).toHaveLength(eventCount);

    await user.type(reason, 'Refund amount is wrong');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(item(h.id).status).toBe('rejected'));
    expect(item(h.id).outcome).toMatchObject({
      action: 'reject',
      reason: 'Refund amount is wrong',
      finalText: null,
    });
    expect(await screen.findByText(/Rejected ticket #7001: nothing was sent/)).toBeInTheDocument();
  });

  it('cancels a form with Esc and keeps the page', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    const { history } = renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    await user.keyboard('d');
    expect(ui.form('Redirect to the AI')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'Redirect to the AI' })).not.toBeInTheDocument();
    expect(history.location.pathname).toBe(`/handoffs/${h.id}`);
    // Esc outside any field goes back to the queue.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(history.location.pathname).toBe('/queue'));
  });

  it('escalates only upward, with a level and a note, and raises the level', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);

    await user.click(screen.getByRole('button', { name: 'Escalate' }));
    const form = ui.form('Escalate');
    const level = within(form).getByLabelText('Escalate to');
    expect(
      within(level)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a level…', 'L2 Specialist', 'Manager', 'Executive']);
    // The $649 refund in the draft needs a manager, so the form starts there, with the reason.
    expect(level).toHaveValue('manager');
    const note = within(form).getByLabelText('Note for the next level');
    expect(note).toHaveValue(
      'Refunds over $500 need Manager or above; this draft promises $649.00.',
    );

    await user.selectOptions(level, '');
    await user.clear(note);
    await user.click(within(form).getByRole('button', { name: 'Escalate' }));
    expect(level).toHaveAccessibleDescription('Choose the level to escalate to.');
    expect(within(form).getByLabelText('Note for the next level')).toHaveAccessibleDescription(
      /A note for the next level is required/,
    );
    expect(item(h.id).status).toBe('pending');

    await user.selectOptions(level, 'l2');
    await user.type(
      within(form).getByLabelText('Note for the next level'),
      'Angry customer, needs a specialist.',
    );
    await user.click(within(form).getByRole('button', { name: 'Escalate' }));

    await waitFor(() => expect(item(h.id).level).toBe('l2'));
    expect(item(h.id)).toMatchObject({
      status: 'escalated',
      assignee: null,
      escalation: { fromLevel: 'l1', note: 'Angry customer, needs a specialist.' },
    });
    expect(await screen.findByText(/Escalated ticket #7001 to L2 Specialist/)).toBeInTheDocument();
  });

  it('redirects to the AI and shows the new draft version in the editor', async () => {
    // The built-in AI answers over the agent API, as beside a real server.
    onTestFinished(await startBuiltInAgent(backend));
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    const { history } = renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);

    await user.click(screen.getByRole('button', { name: 'Redirect' }));
    const form = ui.form('Redirect to the AI');
    await user.type(
      within(form).getByLabelText('Instructions for the AI'),
      'Offer the reshipping option and a credit.',
    );
    await user.click(within(form).getByRole('button', { name: 'Send to the AI' }));

    expect(
      await screen.findByText(/The AI wrote draft 2 from your instructions/),
    ).toBeInTheDocument();
    const now = item(h.id);
    expect(now.drafts).toHaveLength(2);
    expect(now).toMatchObject({ status: 'claimed', assignee: { id: 'u-ana' } });
    expect(ui.editor()).toHaveValue(now.drafts[1]?.text);
    expect(screen.getByText('Unedited · based on AI draft 2')).toBeInTheDocument();
    expect(history.location.pathname).toBe(`/handoffs/${h.id}`);

    await user.click(screen.getByRole('tab', { name: 'Draft versions (2)' }));
    expect(
      screen.getByText(/Redirected: “Offer the reshipping option and a credit”/),
    ).toBeInTheDocument();
  });
});

describe('checkpoint: the draft is never lost', () => {
  it('autosaves after a pause: locally at once, to the server after ~800 ms (which claims the item)', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    expect(screen.getByRole('button', { name: 'Claim' })).toBeInTheDocument();

    await user.type(ui.editor(), ' Extra line.');
    expect(screen.getByText('Saved locally')).toBeInTheDocument();
    expect(localStorage.getItem(DRAFT_STORAGE_KEY)).toContain('Extra line.');

    expect(
      await screen.findByText(/^Saved to server \d\d:\d\d/, {}, { timeout: 3000 }),
    ).toBeInTheDocument();
    expect(item(h.id).workingDraft?.text).toBe(ui.editor().value);
    expect(item(h.id).assignee?.id).toBe('u-ana');
    expect(await screen.findByRole('button', { name: 'Release' })).toBeInTheDocument();
  });

  it('restores an edit after a reload from this device’s storage', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    const first = renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    await user.clear(ui.editor());
    await user.type(ui.editor(), 'A reply I will not retype.');
    first.unmount();

    // A reload: memory is gone, only localStorage remains.
    const stored = localStorage.getItem(DRAFT_STORAGE_KEY);
    expect(stored).toContain('A reply I will not retype.');
    resetDraftStore();
    localStorage.setItem(DRAFT_STORAGE_KEY, stored as string);
    await useDraftStore.persist.rehydrate();

    renderApp(`/handoffs/${h.id}`);
    const again = await openCheckpoint(h.ticket.subject);
    expect(again.editor()).toHaveValue('A reply I will not retype.');
    expect(again.approveButton()).toHaveAccessibleName('Approve with edits');
  });

  it('resets to the AI draft after asking, and offers undo', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    const aiText = item(h.id).drafts[0]?.text;
    await user.clear(ui.editor());
    await user.type(ui.editor(), 'Scrap this.');

    await user.click(screen.getByRole('button', { name: 'Reset to AI draft' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Reset' }),
    );
    expect(ui.editor()).toHaveValue(aiText);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(ui.editor()).toHaveValue('Scrap this.');
  });

  it('makes the editor read-only, and says why, when someone else holds the item', async () => {
    const h = lateOrder({ threat: false });
    await apiAs('u-ben').claimHandoff({
      params: { id: h.id },
      body: { version: 1 },
      idempotencyKey: 'ben-claims',
    });
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    expect(screen.getByText('Ben Okafor holds this item')).toBeInTheDocument();
    expect(ui.editor()).toHaveAttribute('readonly');
    expect(ui.editor()).toHaveAccessibleDescription(
      /only they can edit or decide until they release it/,
    );
    expect(ui.approveButton()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Reject' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Claim' })).not.toBeInTheDocument();
  });

  it('lets an item above the reviewer’s level be read but not acted on', async () => {
    const h = lateOrder({ threat: false });
    // Ana escalated it to a specialist herself; it is out of her hands now.
    await apiAs('u-ana').decideHandoff({
      params: { id: h.id },
      body: {
        action: 'escalate',
        version: 1,
        timeOnItemMs: 1000,
        targetLevel: 'l2',
        note: 'Needs a specialist.',
      },
      idempotencyKey: 'ana-escalates',
    });
    renderApp(`/handoffs/${h.id}`);
    await openCheckpoint(h.ticket.subject);
    expect(await screen.findByText('Above your authority')).toBeInTheDocument();
    const editor = screen.getByRole('textbox', { name: 'Reply to customer' });
    expect(editor).toHaveAttribute('readonly');
    expect(editor).toHaveAccessibleDescription(/above your authority \(L1 Support\)/);
    expect(screen.getByRole('button', { name: /^approve/i })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Claim' })).not.toBeInTheDocument();
  });
});

describe('checkpoint: keyboard', () => {
  it('claims with c, focuses the editor with e, and picks options with number keys', async () => {
    const h = lateOrder({ threat: false });
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);

    await user.keyboard('c');
    await waitFor(() => expect(item(h.id).assignee?.id).toBe('u-ana'));
    expect(await screen.findByRole('button', { name: 'Release' })).toBeInTheDocument();

    await user.keyboard('2');
    expect(screen.getByRole('radio', { name: /20% credit/ })).toBeChecked();
    expect(ui.editor()).toHaveValue(item(h.id).context.options[1]?.draft);

    await user.keyboard('e');
    expect(ui.editor()).toHaveFocus();
    // Typing "a" in the editor is text, never an approval.
    await user.keyboard('a');
    expect(item(h.id).status).toBe('claimed');
    await user.keyboard('{Escape}');
    expect(ui.editor()).not.toHaveFocus();
    // Focus stays by the draft, where the single-key shortcuts work again.
    expect(screen.getByRole('heading', { level: 2, name: /Draft/ })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Release' }));
    await waitFor(() => expect(item(h.id).assignee).toBeNull());
    expect(await screen.findByRole('button', { name: 'Claim' })).toBeInTheDocument();
  });
});
