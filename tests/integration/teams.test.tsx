import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openStatuses } from '../../src/domain/lifecycle';
import { backend } from '../msw';
import { renderApp } from '../render';

// Whole-app journeys through the real mock backend.
vi.setConfig({ testTimeout: 30_000 });

beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

async function openTeams(actorId = 'u-femi') {
  const view = renderApp('/teams', { actorId });
  await screen.findByRole('heading', { level: 1, name: 'Teams' });
  await screen.findByRole('table', { name: 'Teams and what each handles' });
  return view;
}

describe('teams screen', () => {
  it('a lead adds a team and a rule, previews the load per team, and saves with a reason', async () => {
    const user = userEvent.setup();
    const { api } = await openTeams();
    const addTeam = screen.getByRole('form', { name: 'Add a team' });
    await user.keyboard('n');
    expect(within(addTeam).getByLabelText('Team name')).toHaveFocus();
    await user.type(within(addTeam).getByLabelText('Team name'), 'VIP desk');
    await user.click(await within(addTeam).findByRole('checkbox', { name: 'Chen Wei' }));
    await user.click(within(addTeam).getByRole('button', { name: 'Add team' }));
    expect(screen.getByRole('rowheader', { name: 'VIP desk' })).toBeVisible();

    const addRule = screen.getByRole('form', { name: 'Add a rule' });
    await user.type(within(addRule).getByLabelText('Keyword the ticket says'), 'chargeback');
    await user.selectOptions(within(addRule).getByLabelText('Send to team'), 'VIP desk');
    await user.click(within(addRule).getByRole('button', { name: 'Add rule' }));
    expect(screen.getByText(/Policy keyword “chargeback” → VIP desk/)).toBeVisible();

    await user.click(screen.getByRole('button', { name: /Preview load/ }));
    const load = await screen.findByRole('table', { name: /items: the open queue/ });
    expect(within(load).getByRole('rowheader', { name: 'VIP desk' })).toBeVisible();

    await user.type(
      screen.getByLabelText('Why the teams change'),
      'Chargebacks go to the VIP desk.',
    );
    await user.click(screen.getByRole('button', { name: /Save teams/ }));
    expect(await screen.findByText(/Version 2, by Femi Adeyemi/)).toBeVisible();
    const saved = await api.getTeams();
    expect(saved.teams.map((t) => t.name)).toContain('VIP desk');
    expect(saved.rules[0]).toMatchObject({ keyword: 'chargeback', teamId: 'vip-desk' });
    expect(await screen.findByText(/“Chargebacks go to the VIP desk.”/)).toBeVisible();
  });

  it('refuses a rule to a team with no members, with the message at the rule', async () => {
    const user = userEvent.setup();
    const { api } = await openTeams();
    const addTeam = screen.getByRole('form', { name: 'Add a team' });
    await user.type(within(addTeam).getByLabelText('Team name'), 'Italian');
    await user.click(within(addTeam).getByRole('button', { name: 'Add team' }));
    const addRule = screen.getByRole('form', { name: 'Add a rule' });
    await user.selectOptions(within(addRule).getByLabelText('When'), 'language');
    await user.type(within(addRule).getByLabelText('Language code'), 'it');
    await user.selectOptions(within(addRule).getByLabelText('Send to team'), 'Italian');
    await user.click(within(addRule).getByRole('button', { name: 'Add rule' }));
    await user.type(screen.getByLabelText('Why the teams change'), 'Italian speakers.');
    await user.click(screen.getByRole('button', { name: /Save teams/ }));
    expect(await screen.findByText(/Not saved: Italian has no members/)).toBeVisible();
    const rule = screen.getByText(/Written in “it” → Italian/).closest('li')!;
    expect(rule).toHaveAttribute('aria-invalid', 'true');
    expect((await api.getTeams()).version).toBe(1);
  });

  it('the queue filters to one team or to my teams, in the URL', async () => {
    const user = userEvent.setup();
    const open = [...backend.state.handoffs.values()].filter((h) =>
      openStatuses.includes(h.status),
    );
    const count = (keep: (teamId: string | undefined) => boolean) =>
      open.filter((h) => keep(h.team?.teamId)).length.toLocaleString('en-US');
    const { history } = renderApp('/queue', { actorId: 'u-ana' });
    await screen.findByRole('grid', { name: 'Handoffs' });
    const team = screen.getByRole('combobox', { name: 'Team' });
    await within(team).findByRole('option', { name: 'Legal' });
    await user.selectOptions(team, 'Legal');
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: `Queue ${count((t) => t === 'legal')} handoffs`,
      }),
    ).toBeVisible();
    expect(history.location.search).toContain('team=legal');
    await user.selectOptions(team, 'My teams');
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: `Queue ${count((t) => t === 'billing' || t === 'multilingual')} handoffs`,
      }),
    ).toBeVisible();
    expect(history.location.search).toContain('myTeams=true');
  });
});
