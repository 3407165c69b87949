import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { sampleAutoApproved } from '../../mocks/core/post-hoc/test-kit';
import { plainItem } from '../../mocks/core/test-items';
import type { Category } from '../../src/api/handoff-schemas';
import { operations, pathOf } from '../../src/api/operations';
import { postHocRubrics } from '../../src/api/post-hoc-schemas';
import { makeProblem } from '../../src/api/problem';
import { isOpen } from '../../src/domain/lifecycle';
import { computeDashboard } from '../../src/domain/metrics/dashboard';
import { slaState } from '../../src/domain/sla';
import { API_BASE, backend, server, TEST_NOW } from '../msw';
import { renderApp } from '../render';
import { apiAs } from './checkpoint-helpers';

/*
 * The lead dashboard through the real mock backend: the figures a lead reads are the ones the
 * audit trail holds, each chart leads to the queue behind it, and a decision made elsewhere
 * shows up without a reload.
 */
vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

const DAY = 24 * 3_600_000;
const labels: Record<Category, string> = {
  billing: 'Billing',
  shipping: 'Shipping',
  technical: 'Technical',
  account: 'Account',
  legal: 'Legal',
};

/** Decisions people made on a category in the last 24 h, counted straight from the events. */
function decisionsFromEvents(category: Category): number {
  let n = 0;
  for (const [id, events] of backend.state.events) {
    if (backend.state.handoffs.get(id)?.ticket.category !== category) continue;
    for (const e of events) {
      const at = Date.parse(e.at);
      if (
        e.actor.type === 'person' &&
        ['approved', 'rejected', 'escalated', 'redirected'].includes(e.action) &&
        at >= TEST_NOW - DAY &&
        at <= TEST_NOW
      )
        n += 1;
    }
  }
  return n;
}

async function openDashboard() {
  const view = renderApp('/dashboard', { actorId: 'u-femi' });
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Lead dashboard' }, { timeout: 10_000 }),
  ).toBeVisible();
  return view;
}

/**
 * Opens the figures table under the decisions chart, as a reviewer who does not read charts
 * would, and returns a reader of one category's decision count (visible in that table).
 */
async function openDecisionFigures() {
  const card = () => screen.getByRole('region', { name: 'Decisions by category' });
  await screen.findByRole('region', { name: 'Decisions by category' });
  await userEvent.setup().click(within(card()).getByText('Figures as a table'));
  return (category: Category) => {
    const row = within(card()).getByRole('row', { name: new RegExp(`^${labels[category]} `) });
    expect(row).toBeVisible();
    return within(row).getAllByRole('cell')[0]!;
  };
}

describe('lead dashboard', () => {
  it('shows SLA and decision figures equal to what the audit trail says', async () => {
    await openDashboard();
    const open = [...backend.state.handoffs.values()].filter((h) => isOpen(h.status));
    const breached = open.filter((h) => slaState(h.dueAt, TEST_NOW) === 'breached').length;
    const atRisk = open.filter((h) => slaState(h.dueAt, TEST_NOW) === 'at_risk').length;
    const sla = screen.getByRole('region', { name: 'SLA now' });
    expect(within(sla).getByRole('link', { name: `${breached} breached` })).toBeVisible();
    expect(
      within(sla).getByRole('link', { name: `${atRisk} at risk (under an hour left)` }),
    ).toBeVisible();

    const decisionsCell = await openDecisionFigures();
    for (const category of ['billing', 'shipping', 'technical'] as const) {
      expect(decisionsCell(category)).toHaveTextContent(String(decisionsFromEvents(category)));
    }
    // Every chart has an accessible name that carries its message.
    expect(
      screen.getByRole('img', { name: /^Queue depth over time\. \d+ items wait/ }),
    ).toBeVisible();
  });

  it('opens the filtered queue behind a chart', async () => {
    const user = userEvent.setup();
    const { history } = await openDashboard();
    const card = screen.getByRole('region', { name: 'Decisions by category' });
    await user.click(within(card).getByRole('link', { name: /^Billing decisions/ }));
    expect(
      await screen.findByRole('heading', { level: 1, name: /^Queue/ }, { timeout: 8000 }),
    ).toBeVisible();
    const search = new URLSearchParams(history.location.search);
    expect(search.get('category')).toBe('billing');
    expect(search.get('status')).toBe('approved,rejected,escalated');
  });

  it('opens the queue of SLA risks from the SLA figure', async () => {
    const user = userEvent.setup();
    const { history } = await openDashboard();
    await user.click(screen.getByRole('link', { name: /breached$/ }));
    await screen.findByRole('heading', { level: 1, name: /^Queue/ }, { timeout: 8000 });
    expect(history.location.search).toContain('slaAtRisk=true');
  });

  it('switches the time window from the keyboard, keeping it in the URL', async () => {
    const user = userEvent.setup();
    const { history } = await openDashboard();
    const windows = screen.getByRole('navigation', { name: 'Time window' });
    expect(within(windows).getByRole('link', { name: 'Last 24 hours' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await user.keyboard('w');
    await waitFor(() => expect(history.location.search).toContain('window=72h'));
    expect(within(windows).getByRole('link', { name: 'Last 3 days' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(windows).getByRole('link', { name: 'Last 24 hours' })).not.toHaveAttribute(
      'aria-current',
    );
    expect(await screen.findByText(/^Figures as of/)).toBeVisible();
  });

  it('updates a figure live when another reviewer decides', async () => {
    await openDashboard();
    expect(await screen.findByText('Live', {}, { timeout: 5000 })).toBeInTheDocument();
    const item = plainItem(backend);
    const category = item.ticket.category;
    const before = decisionsFromEvents(category);
    const decisionsCell = await openDecisionFigures();
    expect(decisionsCell(category)).toHaveTextContent(String(before));

    await apiAs('u-ben').decideHandoff({
      params: { id: item.id },
      body: {
        action: 'reject',
        version: item.version,
        timeOnItemMs: 40_000,
        reason: 'Wrong order',
      },
      idempotencyKey: 'ben-rejects',
    });
    await waitFor(() => expect(decisionsCell(category)).toHaveTextContent(String(before + 1)), {
      timeout: 5000,
    });
  });

  it('shows open items and SLA at risk per team, follows a re-route, and opens the team’s queue', async () => {
    const user = userEvent.setup();
    const openWith = (teamId: string) =>
      [...backend.state.handoffs.values()].filter(
        (h) => isOpen(h.status) && h.team?.teamId === teamId,
      );
    const { history } = await openDashboard();
    const card = await screen.findByRole('region', { name: 'Teams' });
    const cells = (name: string) =>
      within(within(card).getByRole('row', { name: new RegExp(`^${name} `) })).getAllByRole('cell');
    const legalOpen = openWith('legal').length;
    const atRisk = openWith('legal').filter((h) => slaState(h.dueAt, TEST_NOW) === 'at_risk');
    expect(cells('Legal')[0]).toHaveTextContent(String(legalOpen));
    expect(cells('Legal')[1]).toHaveTextContent(new RegExp(`^${atRisk.length}`));
    expect(within(card).getByRole('row', { name: /^Retention / })).toBeVisible();

    const moving = openWith('billing').find((h) => !h.assignee)!;
    await apiAs('u-femi').rerouteHandoff({
      params: { id: moving.id },
      body: { version: moving.version, teamId: 'legal', reason: 'A solicitor wrote in on this.' },
      idempotencyKey: 'femi-reroutes',
    });
    await waitFor(() => expect(cells('Legal')[0]).toHaveTextContent(String(legalOpen + 1)), {
      timeout: 5000,
    });

    await user.click(within(card).getByRole('link', { name: 'Legal' }));
    await screen.findByRole('heading', { level: 1, name: /^Queue/ }, { timeout: 8000 });
    expect(new URLSearchParams(history.location.search).get('team')).toBe('legal');
  });

  it('says what went wrong and offers a retry when the figures cannot load', async () => {
    server.use(
      http.get(`${API_BASE}/dashboard`, () =>
        HttpResponse.json(makeProblem('unavailable', 'The figures are being rebuilt.'), {
          status: 503,
        }),
      ),
    );
    await openDashboard();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
    server.resetHandlers();
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'SLA now' })).toBeVisible();
  });

  it('says so when nothing happened in the window', async () => {
    server.use(
      http.get(`${API_BASE}/dashboard`, () =>
        HttpResponse.json({ ...computeDashboard([], '24h', TEST_NOW), agreement: [] }),
      ),
    );
    await openDashboard();
    expect(screen.getByRole('region', { name: 'Post-hoc review agreement' })).toHaveTextContent(
      'No double-reviewed items yet.',
    );
    const decisions = await screen.findByRole('region', { name: 'Decisions by category' });
    expect(
      within(decisions).getByText('No decisions in this window.', { selector: '.dash-empty' }),
    ).toBeVisible();
    expect(screen.getByRole('region', { name: 'Human review rate' })).toHaveTextContent(
      'No item was routed in this window.',
    );
  });

  it("shows each reviewer's agreement on items reviewed twice, blind", async () => {
    const send = (method: string, path: string, actor: string, body: unknown) =>
      fetch(`${API_BASE}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          'X-Actor-Id': actor,
          'Idempotency-Key': `${actor}-${path}-${Math.random()}`,
        },
        body: JSON.stringify(body),
      });
    expect(
      (await send('PUT', operations.getPostHocSettings.path, 'u-femi', { doubleReviewShare: 1 }))
        .status,
    ).toBe(200);
    const [h] = sampleAutoApproved(backend, 1);
    const criteria = Object.fromEntries(
      postHocRubrics[h!.ticket.category].map((c) => [c.id, true]),
    );
    const review = (actor: string, verdict: string, note?: string) =>
      send('POST', pathOf(operations.submitPostHocReview, { id: h!.id }), actor, {
        version: h!.version,
        criteria,
        verdict,
        note,
      });
    expect((await review('u-chen', 'good')).status).toBe(201);
    expect((await review('u-ben', 'needs_follow_up', 'Wrong carrier.')).status).toBe(201);

    await openDashboard();
    const table = await screen.findByRole('table', { name: 'Post-hoc review agreement' });
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    expect(row('Ben Okafor')).toHaveTextContent(/Ben Okafor\s*1\s*0\s*0%/);
    expect(row('Chen Wei')).toHaveTextContent(/Chen Wei\s*1\s*0\s*0%/);
  });
});
