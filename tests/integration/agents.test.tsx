import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Run } from '../../src/api/agent-schemas';
import { API_BASE, backend, backendClock, TEST_NOW } from '../msw';
import { renderApp } from '../render';

// Whole-app journeys against the real core behind MSW; the agent calls the same API.
vi.setConfig({ testTimeout: 20_000 });

const SECRET = 'hd_feedfacefeedfacefeedfacefeedfacefeedfacefeedface';

const ticket = (subject: string) => ({
  customer: {
    id: `c-${subject.length}`,
    name: 'Robin Example',
    email: 'robin@example.com',
    tier: 'standard' as const,
    lifetimeValue: 240,
    priorComplaints: 0,
  },
  channel: 'email' as const,
  subject,
  body: 'Hello, the vase I ordered arrived in pieces. Can you help? Thanks, Robin',
  category: 'shipping' as const,
  urgency: 'normal' as const,
  language: 'en',
  attachments: 0,
});

/** The agent, calling the agent API with its key. */
async function agent(path: string, body: unknown, secret = SECRET) {
  return fetch(`${API_BASE}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${secret}`,
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify(body),
  });
}

const startRun = async (subject: string, step: string, leaseSeconds: number) =>
  (await (
    await agent('/agent/runs', { ticket: ticket(subject), step, leaseSeconds })
  ).json()) as Run;

afterEach(() => {
  backendClock.now = TEST_NOW;
});

describe('agents screen', () => {
  it('shows each run’s heartbeat and what it waits on, and tells the lead about a lost run', async () => {
    await backend.registerAgentKey('Returns bot', SECRET);
    await startRun('Vase arrived in pieces', 'classify', 5);
    const working = await startRun('Where is my blender', 'draft', 600);
    // The first agent run stops renewing its lease: the backend finds it lapsed on its tick.
    backendClock.now = TEST_NOW + 10_000;
    await backend.tick();

    renderApp('/agents', { actorId: 'u-femi' });
    const runs = await screen.findByRole('table', { name: 'Runs, newest first' });
    const lostRow = within(runs).getByRole('row', { name: /Vase arrived in pieces/ });
    expect(within(lostRow).getByText('Lost')).toBeInTheDocument();
    expect(
      within(lostRow).getByText('A person: the agent stopped responding during classify'),
    ).toBeInTheDocument();
    const workingRow = within(runs).getByRole('row', { name: /Where is my blender/ });
    expect(within(workingRow).getByText('Working')).toBeInTheDocument();
    expect(within(workingRow).getByText('Itself: draft')).toBeInTheDocument();
    // The age is read against this device's clock, which the test does not move.
    expect(within(workingRow).getByText(/ ago( · lease .*)?$/)).toBeInTheDocument();
    expect(working.status).toBe('working');

    const agents = screen.getByRole('table', { name: 'Agents and their runs' });
    const bot = within(agents).getByRole('row', { name: /Returns bot/ });
    expect(
      within(bot)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '1', expect.stringMatching(/ago$/)]);

    // The header tells the lead, linking to the failed item the ticket became.
    const notice = await screen.findByRole('status', { name: 'Lost agent runs' });
    const link = within(notice).getByRole('link', {
      name: 'Returns bot during classify on “Vase arrived in pieces”',
    });
    const lostRun = [...backend.state.handoffs.values()].find(
      (h) => h.ticket.subject === 'Vase arrived in pieces',
    );
    expect(link).toHaveAttribute('href', `/handoffs/${lostRun?.id}`);
    expect(lostRun?.status).toBe('failed');
  });

  it('issues a key whose secret is shown once, and revokes it from the keyboard', async () => {
    const user = userEvent.setup();
    renderApp('/agents', { actorId: 'u-femi' });
    await screen.findByRole('heading', { name: 'Agent keys' });

    await user.keyboard('{Alt>}n{/Alt}');
    const name = screen.getByRole('textbox', { name: /Agent name/ });
    expect(name).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Issue key' }));
    expect(name).toHaveAccessibleDescription('Name the agent (2 to 60 characters).');

    await user.type(name, 'Billing helper{Enter}');
    const shown = await screen.findByText(/^hd_[0-9a-f]{20,}$/);
    const secret = shown.textContent ?? '';
    expect(
      (await agent('/agent/runs', { ticket: ticket('Key works'), step: 'x' }, secret)).status,
    ).toBe(201);
    await user.click(screen.getByRole('button', { name: 'I have kept it' }));
    expect(screen.queryByText(secret)).not.toBeInTheDocument();

    const keys = screen.getByRole('table', { name: 'Agent keys, newest first' });
    const row = within(keys).getByRole('row', { name: /Billing helper/ });
    expect(within(row).getByText(/by Femi Adeyemi/)).toBeInTheDocument();
    await user.keyboard('x');
    expect(
      within(row).getByRole('button', { name: 'Confirm: revoke the key of Billing helper' }),
    ).toHaveAttribute('aria-keyshortcuts', 'x');
    await user.keyboard('x');
    await waitFor(() =>
      expect(within(row).getByText(/^Revoked .* by Femi Adeyemi$/)).toBeInTheDocument(),
    );
    expect(
      (await agent('/agent/runs', { ticket: ticket('Key gone'), step: 'x' }, secret)).status,
    ).toBe(401);
  });

  it('shows a reviewer the runs but neither the keys nor the lead’s notice', async () => {
    renderApp('/agents', { actorId: 'u-ana' });
    await screen.findByRole('heading', { name: 'Runs' });
    expect(screen.queryByRole('heading', { name: 'Agent keys' })).not.toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Lost agent runs' })).not.toBeInTheDocument();
  });
});
