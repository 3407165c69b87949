import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { putItem } from '../kits/items';
import { renderApp } from '../render';
import {
  eventsOf,
  item,
  openCheckpoint,
  reloadStores,
  resetDraftStore,
} from './checkpoint-helpers';

// Whole-app journeys against the mock backend; real timers for the 800 ms autosave.
vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => resetDraftStore());

const actions = () => screen.getByRole('region', { name: 'Proposed actions' });
const authority = () => screen.findByRole('region', { name: 'Your authority' });
const amount = () => within(actions()).getByRole('textbox', { name: 'Refund amount' });

describe('checkpoint: the proposed actions', () => {
  it('lets the reviewer edit the refund, judges authority on it and audits the change', async () => {
    const user = userEvent.setup();
    const h = putItem({ refund: 80 });
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);
    expect(amount()).toHaveValue('80.00');
    expect(
      within(await authority()).getByText(
        'This draft promises a $80.00 refund: within your authority.',
      ),
    ).toBeInTheDocument();

    // Raised past L1's $100: the panel reads the action, not the reply's $80.00.
    await user.clear(amount());
    await user.type(amount(), '649');
    expect(
      within(await authority()).getByText(
        'This draft promises a $649.00 refund: Manager or above approves.',
      ),
    ).toBeInTheDocument();
    expect(within(actions()).getByText('Refund $80.00 → Refund $649.00')).toBeInTheDocument();

    // Below what the reply promises: the text guard names the sentence.
    await user.clear(amount());
    await user.type(amount(), '50');
    expect(
      within(await authority()).getByText(
        /promises \$80\.00, more than the proposed Refund \$50\.00/,
      ),
    ).toBeInTheDocument();

    // An amount that cannot be read is marked, and approval waits for it.
    await user.clear(amount());
    await user.type(amount(), '$9o');
    expect(amount()).toHaveAccessibleDescription('Enter an amount like 649.00.');
    expect(ui.approveButton()).toBeDisabled();
    expect(screen.getByText(/correct the proposed actions marked invalid/)).toBeVisible();

    await user.clear(amount());
    await user.type(amount(), '95');
    expect(
      within(await authority()).getByText(
        'This draft promises a $95.00 refund: within your authority.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(ui.approveButton()).toBeEnabled());
    await user.click(ui.approveButton());

    await waitFor(() => expect(item(h.id).status).toBe('approved'));
    expect(item(h.id).outcome?.finalActions).toEqual([
      { type: 'refund', amount: 95, currency: 'USD' },
    ]);
    const approved = eventsOf(h.id).find((e) => e.action === 'approved');
    expect(approved?.outcome).toBe('Sent to the customer with edited actions');
    expect(approved?.diff).toContain('Refund $80.00 → Refund $95.00');
  });

  it('keeps an edit of the actions across a reload, and adds and removes actions', async () => {
    const user = userEvent.setup();
    const h = putItem({ refund: 80 });
    const view = renderApp(`/handoffs/${h.id}`);
    await openCheckpoint(h.ticket.subject);

    await user.selectOptions(
      within(actions()).getByRole('combobox', { name: 'Add an action' }),
      'Replacement',
    );
    await user.click(within(actions()).getByRole('button', { name: 'Add action' }));
    const what = within(actions()).getByRole('textbox', { name: 'What is sent again' });
    expect(what).toHaveAccessibleDescription('Say what is sent again.');
    await user.type(what, 'Desk, oak, 160 cm');
    await user.clear(amount());
    await user.type(amount(), '60');
    expect(
      within(actions()).getByText('Added: Replacement: Desk, oak, 160 cm'),
    ).toBeInTheDocument();

    // Saved on the server as the reviewer's working draft, with the change in the trail.
    await waitFor(() =>
      expect(item(h.id).workingDraft?.actions).toEqual([
        { type: 'refund', amount: 60, currency: 'USD' },
        { type: 'replacement', item: 'Desk, oak, 160 cm' },
      ]),
    );
    expect(eventsOf(h.id).some((e) => e.outcome.endsWith('edited the proposed actions'))).toBe(
      true,
    );

    view.unmount();
    await reloadStores();
    renderApp(`/handoffs/${h.id}`);
    await openCheckpoint(h.ticket.subject);
    expect(amount()).toHaveValue('60.00');
    expect(within(actions()).getByRole('textbox', { name: 'What is sent again' })).toHaveValue(
      'Desk, oak, 160 cm',
    );

    // Removing the refund reads as its removal alone, not as the replacement changing.
    await user.click(within(actions()).getByRole('button', { name: 'Remove refund' }));
    expect(within(actions()).getByText('Removed: Refund $80.00')).toBeInTheDocument();
    expect(within(actions()).queryByText(/Replacement: Desk, oak, 160 cm →/)).toBeNull();
    await user.click(
      within(actions()).getByRole('button', { name: 'Undo changes to the actions' }),
    );
    expect(amount()).toHaveValue('80.00');
    expect(within(actions()).queryByRole('status')).toBeNull();
  });
});
