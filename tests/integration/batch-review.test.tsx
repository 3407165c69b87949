import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { billingRoute } from '../../mocks/core/test-items';
import type { Handoff } from '../../src/api/handoff-schemas';
import { buildItem } from '../kits/items';
import { backend } from '../msw';
import { renderApp } from '../render';

// Whole-app journeys through the real mock backend; the undo window runs its real 5 s.
vi.setConfig({ testTimeout: 30_000 });

beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

/** Three alike gift-card items in Ana's Billing team, one of them at L2 (above her). */
function giftCardGroup(): Handoff[] {
  const draft =
    'Hi there,\n\nThe gift card code has been sent again to the email on your account; it can take ten minutes to arrive.\n\nBest,\nSupport';
  return (['l1', 'l1', 'l2'] as const).map((level) => {
    const h: Handoff = {
      ...buildItem({
        subject: 'Gift card code never arrived',
        draft,
        ticket: { category: 'billing' },
        level,
      }),
      team: billingRoute,
    };
    backend.state.putHandoff(h);
    return h;
  });
}

describe('batch review', () => {
  it('re-routes a selected group to a team with one reason; the server refuses the item above the reviewer', async () => {
    const user = userEvent.setup();
    const items = giftCardGroup();
    renderApp('/queue?q=Gift%20card%20code%20never', { actorId: 'u-ana' });
    await user.click(await screen.findByRole('button', { name: /Group similar/ }));
    const group = await screen.findByRole('region', { name: /3 similar items: Billing/ });
    await user.click(within(group).getByRole('button', { name: 'Select all in this group' }));

    const bar = screen.getByRole('region', { name: 'Decide the selected items' });
    expect(within(bar).getByText('3 items selected')).toBeVisible();
    await user.keyboard('{Shift>}T{/Shift}');
    const reroute = within(bar).getByRole('button', { name: 'Re-route 3' });
    // The reason is required: without one nothing is sent.
    await user.click(reroute);
    expect(within(bar).getByLabelText('Reason for re-routing all 3 (required)')).toBeInvalid();
    await user.selectOptions(within(bar).getByLabelText('Send to team'), 'Legal');
    await user.type(
      within(bar).getByLabelText('Reason for re-routing all 3 (required)'),
      'The customer threatens a chargeback dispute.',
    );
    await user.click(reroute);

    expect(
      await screen.findByRole('region', { name: 'Undo the batch' }, { timeout: 2000 }),
    ).toHaveTextContent(/Re-routing 3 items in \d s/);
    const result = await screen.findByRole('region', { name: 'Batch result' }, { timeout: 10_000 });
    expect(within(result).getByRole('status')).toHaveTextContent(
      '2 applied, 1 refused, 0 conflicts.',
    );
    expect(
      within(result)
        .getByText(/Refused/)
        .closest('li'),
    ).toHaveTextContent(/cannot move items at L2 Specialist/);

    const [a, b, high] = items.map((h) => backend.state.handoffs.get(h.id)!);
    for (const moved of [a!, b!]) {
      expect(moved.team).toMatchObject({ teamId: 'legal', choice: 'rerouted' });
      expect(backend.state.events.get(moved.id)!.at(-1)).toMatchObject({
        action: 'rerouted',
        why: { reason: 'The customer threatens a chargeback dispute.' },
      });
    }
    expect(high!.team?.teamId).toBe('billing');
    expect(high!.version).toBe(1);
    const batchIds = new Set([a, b].map((h) => backend.state.events.get(h!.id)!.at(-1)!.batchId));
    expect(batchIds.size).toBe(1);
    expect([...batchIds][0]).toEqual(expect.any(String));
  });
});
