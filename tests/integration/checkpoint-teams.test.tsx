import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { teamRoute as route } from '../../mocks/core/teams/test-kit';
import type { Handoff } from '../../src/api/handoff-schemas';
import type { TeamRoute } from '../../src/api/team-route-schemas';
import { buildItem } from '../kits/items';
import { backend } from '../msw';
import { renderApp } from '../render';
import { eventsOf, item, openCheckpoint, resetDraftStore } from './checkpoint-helpers';

/*
 * The checkpoint and the item's team: where an escalation lands inside the team's ladder, and
 * re-routing to another team with a reason, refused by the server when the person may not.
 */

vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => resetDraftStore());

function teamItem(team: TeamRoute, subject: string, escalated = false): Handoff {
  const escalation = escalated
    ? {
        by: { type: 'person' as const, id: 'u-ben', name: 'Ben Okafor' },
        at: new Date().toISOString(),
        fromLevel: 'l1' as const,
        note: 'Needs the team’s own people',
      }
    : null;
  const h = { ...buildItem({ subject }), team, escalation };
  backend.state.putHandoff(h);
  return h;
}

describe('checkpoint: teams', () => {
  it('says where an escalation lands inside the team’s ladder, and when it leaves the team', async () => {
    const h = teamItem(route('multilingual', 'Multilingual'), 'Paquete perdido');
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`);
    const ui = await openCheckpoint(h.ticket.subject);

    await user.keyboard('x');
    const form = ui.form('Escalate');
    expect(
      await within(form).findByText('Next in the team: L2 Specialist · Multilingual'),
    ).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText('Escalate to'), 'manager');
    expect(
      within(form).getByText(
        'Escalate to Manager, leaving Multilingual: its ladder ends below Manager',
      ),
    ).toBeInTheDocument();
  });

  it('tells someone outside the team why they cannot claim or act on its item', async () => {
    // Shipping & technical is Ben (L1) and Femi (lead); Ana, the L1 opening it, is not in it.
    // Escalated inside the team, the item is the team's own.
    const h = teamItem(route('support', 'Shipping & technical'), 'Parcel stuck in customs', true);
    renderApp(`/handoffs/${h.id}`);
    await openCheckpoint(h.ticket.subject);
    const told = await screen.findAllByText(
      'Shipping & technical holds this item: only its members at L1 Support or above (Ben Okafor, Femi Adeyemi) or a team lead may claim it. You can read it but not act on it.',
    );
    expect(told.length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /^Claim/ })).toBeNull();
    expect(screen.getByRole('button', { name: /^Approve/ })).toBeDisabled();
  });

  it('lets a member of the team claim its item with c', async () => {
    const h = teamItem(route('support', 'Shipping & technical'), 'Parcel stuck in customs', true);
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`, { actorId: 'u-ben' });
    await openCheckpoint(h.ticket.subject);
    expect(screen.queryByText(/holds this item: only its members/)).toBeNull();
    await user.click(await screen.findByRole('button', { name: /^Claim/ }));
    await waitFor(() => expect(item(h.id).assignee?.id).toBe('u-ben'));
  });

  it('re-routes with m: a reason is required, then the item is with the new team and on its trail', async () => {
    const h = teamItem(route('support', 'Shipping & technical'), 'Invoice in the wrong currency');
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`, { actorId: 'u-femi' });
    await openCheckpoint(h.ticket.subject);

    await user.keyboard('m');
    const dialog = await screen.findByRole('dialog', { name: 'Re-route to another team' });
    const team = within(dialog).getByLabelText('Team');
    await waitFor(() => expect(within(team).getAllByRole('option').length).toBeGreaterThan(2));
    expect(within(team).queryByRole('option', { name: 'Shipping & technical' })).toBeNull();
    await user.selectOptions(team, 'billing');
    await user.click(within(dialog).getByRole('button', { name: 'Re-route' }));

    const reason = within(dialog).getByLabelText('Reason');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(/Say why the item goes to another team\./);
    expect(reason).toHaveFocus();
    expect(item(h.id).team?.teamId).toBe('support');

    await user.type(reason, 'It is a billing question, not a shipping one.');
    await user.click(within(dialog).getByRole('button', { name: 'Re-route' }));

    expect(await screen.findByText('Re-routed to Billing & accounts.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(item(h.id).team).toMatchObject({ teamId: 'billing', choice: 'rerouted' });
    expect(eventsOf(h.id).at(-1)).toMatchObject({
      action: 'rerouted',
      actor: { id: 'u-femi' },
      why: { reason: 'It is a billing question, not a shipping one.' },
    });
  });

  it('shows the server’s refusal when the person may not move the item', async () => {
    const h = teamItem(route('legal', 'Legal'), 'Letter from my solicitor');
    const user = userEvent.setup();
    renderApp(`/handoffs/${h.id}`, { actorId: 'u-ana' });
    await openCheckpoint(h.ticket.subject);

    await user.click(screen.getByRole('button', { name: /re-route/i }));
    const dialog = await screen.findByRole('dialog', { name: 'Re-route to another team' });
    await waitFor(() =>
      expect(within(dialog).getByRole('option', { name: 'Retention' })).toBeInTheDocument(),
    );
    await user.selectOptions(within(dialog).getByLabelText('Team'), 'Retention');
    await user.type(within(dialog).getByLabelText('Reason'), 'The customer wants to cancel.');
    await user.click(within(dialog).getByRole('button', { name: 'Re-route' }));

    const refusal = await within(dialog).findByRole('alert');
    expect(refusal).toHaveTextContent(/Ana Ortiz is not in Legal/);
    expect(item(h.id).team?.teamId).toBe('legal');
  });
});
