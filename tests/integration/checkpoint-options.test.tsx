import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { startBuiltInAgent } from '../kits/built-in-agent';
import { putItem } from '../kits/items';
import { backend } from '../msw';
import { renderApp } from '../render';
import { eventsOf, item, openCheckpoint, resetDraftStore, section } from './checkpoint-helpers';

// Whole-app journeys against the mock backend; real timers for the 800 ms autosave.
vi.setConfig({ testTimeout: 20_000 });

// The built-in AI answers the redirects, over the agent API, as beside a real server.
let stopAgent = () => {};
beforeEach(async () => {
  resetDraftStore();
  stopAgent = await startBuiltInAgent(backend);
});
afterEach(() => stopAgent());

/** Two ways to answer, neither beyond an L1 reviewer: only the choice stands before approval. */
function twoWays() {
  return putItem({
    subject: 'Which courier will bring my parcel?',
    draft: 'Hi Sam,\n\nWe will resend it by post.\n\nBest,\nSupport',
    options: [
      { label: 'Resend by post', draft: 'Hi Sam,\n\nWe will resend it by post.\n\nBest,\nSupport' },
      {
        label: 'Resend by courier',
        draft: 'Hi Sam,\n\nA courier will bring a new one tomorrow.\n\nBest,\nSupport',
      },
    ],
  });
}

async function redirect(user: ReturnType<typeof userEvent.setup>, instructions: string) {
  await user.click(screen.getByRole('button', { name: 'Redirect' }));
  const form = screen.getByRole('form', { name: 'Redirect to the AI' });
  await user.type(within(form).getByLabelText('Instructions for the AI'), instructions);
  await user.click(within(form).getByRole('button', { name: 'Send to the AI' }));
  await screen.findByText(/The AI wrote draft 2 from your instructions/);
}

describe('checkpoint: options after a redirect', () => {
  it('approves the redirected draft without asking for an option', async () => {
    const h = twoWays();
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    expect(screen.getByText(/choose one of the AI’s 2 options/)).toBeVisible();

    await redirect(user, 'Apologise for the delay first.');
    const draft2 = item(h.id).drafts[1]?.text;
    expect(ui.editor()).toHaveValue(draft2);

    // The options are shown as the first draft's, with nothing to choose.
    const options = section('Options');
    expect(
      within(options).getByText(/Offered with AI draft 1\. Draft 2 replaced them/),
    ).toBeVisible();
    expect(within(options).queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByText(/choose one of the AI’s/)).not.toBeInTheDocument();
    expect(
      within(section('Flags')).getByText(/Nothing to choose now: AI draft 2 replaced the options/),
    ).toBeVisible();

    expect(ui.approveButton()).toHaveAccessibleName('Approve');
    expect(ui.approveButton()).toBeEnabled();
    await user.click(ui.approveButton());

    await waitFor(() => expect(item(h.id).status).toBe('approved'));
    expect(item(h.id).outcome).toMatchObject({ edited: false, finalText: draft2 });
    expect(item(h.id).selectedOptionId).toBeNull();
    expect(eventsOf(h.id).find((e) => e.action === 'approved')?.outcome).toBe(
      'Sent to the customer as drafted',
    );
  });

  it('asks before an old option replaces the newer draft, offers undo, and resets to the newest draft', async () => {
    const h = twoWays();
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    await redirect(user, 'Apologise for the delay first.');
    const draft2 = item(h.id).drafts[1]?.text ?? '';
    const courier = h.context.options[1]?.draft ?? '';

    // Pressing 1 used to replace draft 2 without a word; now it asks, and Cancel keeps it.
    await user.keyboard('1');
    const asked = await screen.findByRole('alertdialog', { name: 'Replace AI draft 2?' });
    await user.click(within(asked).getByRole('button', { name: 'Cancel' }));
    expect(ui.editor()).toHaveValue(draft2);

    // Loading an old option's text is an edit of draft 2, and can be undone.
    await user.click(screen.getByRole('button', { name: 'Load the text of “Resend by courier”' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace AI draft 2?' });
    await user.click(within(dialog).getByRole('button', { name: 'Load its text' }));
    expect(ui.editor()).toHaveValue(courier);
    expect(ui.approveButton()).toHaveAccessibleName('Approve with edits');
    expect(screen.getByText('Loaded the text of “Resend by courier”.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(ui.editor()).toHaveValue(draft2);
    expect(ui.approveButton()).toHaveAccessibleName('Approve');

    // Reset to AI draft brings back the newest draft, not an option's.
    await user.keyboard('2');
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Load its text' }),
    );
    expect(ui.editor()).toHaveValue(courier);
    await user.click(screen.getByRole('button', { name: 'Reset to AI draft' }));
    const reset = await screen.findByRole('alertdialog', { name: 'Reset to the AI draft?' });
    expect(reset).toHaveTextContent(/AI draft 2/);
    await user.click(within(reset).getByRole('button', { name: 'Reset' }));
    expect(ui.editor()).toHaveValue(draft2);
  });

  it('offers undo after an option’s draft replaced an edited reply', async () => {
    const h = twoWays();
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    await user.clear(ui.editor());
    await user.type(ui.editor(), 'My own words.');

    await user.click(screen.getByRole('radio', { name: /Resend by courier/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace your edited reply?' });
    await user.click(within(dialog).getByRole('button', { name: 'Load its draft' }));
    expect(ui.editor()).toHaveValue(h.context.options[1]?.draft);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(ui.editor()).toHaveValue('My own words.');
  });
});
