import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import type { Handoff } from '../../src/api/handoff-schemas';
import { makeProblem } from '../../src/api/problem';
import { openStatuses } from '../../src/domain/lifecycle';
import { formatDateTime } from '../../src/lib/time';
import { lateOrder, putItem } from '../kits/items';
import { API_BASE, backend, server, withoutLiveUpdates } from '../msw';
import { renderApp } from '../render';
import { apiAs } from './checkpoint-helpers';

/*
 * jsdom has no layout, and a virtualizer renders nothing into a 0×0 viewport. Give the queue's
 * scroll container a size (only it: every other element keeps jsdom's zeros).
 */
const GRID_HEIGHT = 600;
const originals = {
  clientHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight'),
  clientWidth: Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth'),
};
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('queue-grid') ? GRID_HEIGHT : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('queue-grid') ? 1400 : 0;
    },
  });
});
beforeEach(() => {
  // The router restores window scroll on navigation; jsdom does not implement it.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
  if (originals.clientHeight)
    Object.defineProperty(Element.prototype, 'clientHeight', originals.clientHeight);
  if (originals.clientWidth)
    Object.defineProperty(Element.prototype, 'clientWidth', originals.clientWidth);
});

const all = (): Handoff[] => [...backend.state.handoffs.values()];
const openItems = () => all().filter((h) => openStatuses.includes(h.status));
const count = (n: number) => n.toLocaleString('en-US');

async function findGrid() {
  return screen.findByRole('grid', { name: 'Handoffs' });
}

/** The data rows the grid has rendered (the column header row excluded). */
async function dataRows() {
  const grid = await findGrid();
  await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(1));
  return within(grid)
    .getAllByRole('row')
    .filter(
      (row) =>
        row.getAttribute('aria-rowindex') !== '1' && !row.classList.contains('data-grid-load-more'),
    );
}

const cellText = (row: HTMLElement, column: number) =>
  within(row).getAllByRole('gridcell')[column]?.textContent;
const CATEGORY_COLUMN = 3;

// The first journey also loads the code-split route; whole-app journeys get room for that.
vi.setConfig({ testTimeout: 15_000 });

describe('Queue screen', () => {
  it('lists the open queue, virtualized, with the total and a link per row', async () => {
    const total = openItems().length;
    renderApp('/queue');

    expect(
      await screen.findByRole('heading', { level: 1, name: `Queue ${count(total)} handoffs` }),
    ).toBeInTheDocument();
    const grid = await findGrid();
    expect(grid).toHaveAttribute('aria-rowcount', String(total + 1));

    const rows = await dataRows();
    // Only what fits the viewport (plus overscan) is in the DOM, not the whole first page.
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
    for (const row of rows) {
      expect(openStatuses).toContain(
        all().find((h) => within(row).getByRole('link').getAttribute('href')?.endsWith(h.id))
          ?.status,
      );
    }
    const first = rows[0]!;
    expect(within(first).getByRole('link', { name: /^#\d+ / })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/handoffs\/h-/),
    );
  });

  it('shows what a reviewer triages by in each row', async () => {
    const h = lateOrder();
    renderApp('/queue?q=7001');
    await waitFor(async () => expect(await dataRows()).toHaveLength(1));
    const [row] = await dataRows();
    const cells = within(row!).getAllByRole('gridcell');
    const headers = screen
      .getAllByRole('columnheader')
      .map((c) => c.textContent?.replace(/[↑↓↕]/g, ''));
    expect(headers).toEqual([
      'Ticket',
      'Status',
      'Kind',
      'Category',
      'Urgency',
      'Confidence',
      'Flags',
      'SLA due',
      'Level',
      'Assignee',
    ]);

    expect(
      within(cells[0]!).getByRole('link', { name: `#7001 ${h.ticket.subject}` }),
    ).toBeInTheDocument();
    expect(cells[0]).toHaveTextContent(h.ticket.customer.name);
    expect(cells[1]).toHaveTextContent('Pending');
    expect(cells[2]).toHaveTextContent('Checkpoint');
    expect(cells[3]).toHaveTextContent('Shipping');
    expect(cells[4]).toHaveTextContent('Normal');
    expect(cells[5]).toHaveTextContent(`${Math.round(h.context.confidence * 100)}%`);
    expect(cells[6]).toHaveTextContent('Policy keyword');
    expect(cells[6]).toHaveTextContent('Multiple valid options');
    expect(within(cells[7]!).getByTitle(`Due ${formatDateTime(h.dueAt)}`)).toHaveTextContent(
      /SLA|Due/,
    );
    expect(cells[8]).toHaveTextContent('L2 Specialist');
    expect(cells[9]).toHaveTextContent('Unassigned');
  });

  it('finds #4521 by searching, and puts the search in the URL', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/queue');
    await dataRows();

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), '4521');

    await waitFor(() =>
      expect(new URLSearchParams(history.location.search).get('q')).toMatch(/4521/),
    );
    await waitFor(async () => expect(await dataRows()).toHaveLength(1));
    const [row] = await dataRows();
    const link = within(row!).getByRole('link', { name: /^#4521 / });
    expect(link).toHaveAttribute('href', '/handoffs/h-4521');
    expect(screen.getByRole('heading', { level: 1, name: 'Queue 1 handoff' })).toBeInTheDocument();
  });

  it('filters by category through the URL: only legal rows remain', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/queue');
    await dataRows();

    await user.click(screen.getByRole('button', { name: /^Category/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Legal' }));

    await waitFor(() => expect(history.location.search).toContain('category=legal'));
    const legalOpen = openItems().filter((h) => h.ticket.category === 'legal').length;
    expect(legalOpen).toBeGreaterThan(0);
    expect(
      await screen.findByRole('heading', { level: 1, name: `Queue ${count(legalOpen)} handoffs` }),
    ).toBeInTheDocument();
    await waitFor(async () => {
      for (const row of await dataRows()) expect(cellText(row, CATEGORY_COLUMN)).toBe('Legal');
    });
    expect(screen.getByRole('button', { name: /^Category/ })).toHaveTextContent('Legal');
  });

  it('reads filters from a shared link', async () => {
    renderApp('/queue?category=billing,shipping&assignee=unassigned&slaAtRisk=true&sort=dueAt');
    const rows = await dataRows();
    for (const row of rows)
      expect(['Billing', 'Shipping']).toContain(cellText(row, CATEGORY_COLUMN));
    for (const row of rows) expect(row).toHaveTextContent('Unassigned');
    expect(screen.getByRole('combobox', { name: 'Assignee' })).toHaveValue('unassigned');
    expect(screen.getByRole('checkbox', { name: 'SLA at risk' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('dueAt');
    expect(screen.getByRole('columnheader', { name: /SLA due/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
  });

  it('falls back to defaults for a malformed URL instead of failing', async () => {
    renderApp('/queue?status=bogus&sort=sideways&assignee=everyone&slaAtRisk=maybe');
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: `Queue ${count(openItems().length)} handoffs`,
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('priority');
  });

  it('shows counts per status as toggles that filter the list', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/queue');
    await dataRows();
    const by = (s: Handoff['status']) => all().filter((h) => h.status === s).length;

    const pending = await screen.findByRole('button', { name: `Pending ${count(by('pending'))}` });
    expect(pending).toHaveAttribute('aria-pressed', 'true');
    expect(
      screen.getByRole('button', { name: `Claimed ${count(by('claimed'))}` }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: `Escalated ${count(by('escalated'))}` }),
    ).toBeInTheDocument();

    await user.click(pending);
    await waitFor(() => expect(history.location.search).toContain('status='));
    const withoutPending = openItems().filter((h) => h.status !== 'pending').length;
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: `Queue ${count(withoutPending)} handoffs`,
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Pending / })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('moves the highlight with j/k and opens it with Enter', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/queue');
    const rows = await dataRows();
    const idOf = (row: HTMLElement) =>
      within(row).getByRole('link').getAttribute('href')!.split('/').pop()!;
    const [first, second] = [idOf(rows[0]!), idOf(rows[1]!)];

    await user.keyboard('j');
    await waitFor(() =>
      expect(new URLSearchParams(history.location.search).get('selected')).toBe(first),
    );
    expect((await dataRows())[0]).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('j');
    await waitFor(() =>
      expect(new URLSearchParams(history.location.search).get('selected')).toBe(second),
    );
    const grid = await findGrid();
    expect(grid).toHaveFocus();
    expect(grid).toHaveAttribute('aria-activedescendant', `queue-row-${second}`);
    expect((await dataRows())[1]).toHaveAttribute('aria-selected', 'true');
    expect((await dataRows())[0]).toHaveAttribute('aria-selected', 'false');

    await user.keyboard('k');
    await waitFor(() =>
      expect(new URLSearchParams(history.location.search).get('selected')).toBe(first),
    );

    await user.keyboard('{ArrowDown}');
    await waitFor(() =>
      expect(new URLSearchParams(history.location.search).get('selected')).toBe(second),
    );

    await user.keyboard('{Enter}');
    await waitFor(() => expect(history.location.pathname).toBe(`/handoffs/${second}`));
  });

  it('opening an item straight after j keeps the highlight for Back', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/queue');
    const rows = await dataRows();
    const second = within(rows[1]!).getByRole('link').getAttribute('href')!.split('/').pop()!;

    await user.keyboard('jj{Enter}');
    await waitFor(() => expect(history.location.pathname).toBe(`/handoffs/${second}`));

    history.back();
    await waitFor(() => expect(history.location.pathname).toBe('/queue'));
    expect(new URLSearchParams(history.location.search).get('selected')).toBe(second);
    await waitFor(async () =>
      expect((await dataRows())[1]).toHaveAttribute('aria-selected', 'true'),
    );
  });

  it('keeps the highlighted row from the URL', async () => {
    const target = openItems()[3]!;
    renderApp(`/queue?q=${target.ticket.number}&selected=${target.id}`);
    await waitFor(async () => {
      const [row] = await dataRows();
      expect(row).toHaveAttribute('aria-selected', 'true');
    });
  });

  it('Claim next claims the top item for the current reviewer and opens it', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/queue');
    await dataRows();

    await user.click(screen.getByRole('button', { name: 'Claim next' }));

    await waitFor(() => expect(history.location.pathname).toMatch(/^\/handoffs\/h-/));
    const id = history.location.pathname.split('/').pop()!;
    const claimed = backend.state.handoffs.get(id);
    expect(claimed?.status).toBe('claimed');
    expect(claimed?.assignee?.id).toBe('u-ana');
  });

  it('claims with the n key too', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/queue');
    await dataRows();
    expect(screen.getByRole('button', { name: 'Claim next' })).toHaveAttribute(
      'aria-keyshortcuts',
      'n',
    );

    await user.keyboard('n');

    await waitFor(() => expect(history.location.pathname).toMatch(/^\/handoffs\/h-/));
    const id = history.location.pathname.split('/').pop()!;
    expect(backend.state.handoffs.get(id)?.assignee?.id).toBe('u-ana');
  });

  it('says so in place when there is nothing left to claim at your level', async () => {
    server.use(
      http.post(`${API_BASE}/handoffs/claim-next`, () =>
        HttpResponse.json(
          makeProblem('queue_empty', 'No unclaimed items within the authority of L1 Support.'),
          {
            status: 404,
          },
        ),
      ),
    );
    const user = userEvent.setup();
    const { history } = renderApp('/queue');
    await dataRows();

    await user.click(screen.getByRole('button', { name: 'Claim next' }));

    expect(
      await screen.findByText('No unclaimed items within the authority of L1 Support.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Nothing left to claim')).toBeInTheDocument();
    expect(history.location.pathname).toBe('/queue');
    // The list is still there and usable.
    expect((await dataRows()).length).toBeGreaterThan(0);
  });

  it('shows a server error with a retry, while the rest of the page keeps working', async () => {
    server.use(
      http.get(`${API_BASE}/handoffs`, () =>
        HttpResponse.json(makeProblem('internal', 'The queue database did not answer.'), {
          status: 500,
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/queue');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on the server');
    expect(alert).toHaveTextContent('The queue database did not answer.');
    expect(screen.getByRole('button', { name: 'Claim next' })).toBeEnabled();
    expect(screen.getByRole('searchbox', { name: 'Search' })).toBeInTheDocument();

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect((await dataRows()).length).toBeGreaterThan(0);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains an empty result and clears the filters', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/queue?category=legal&q=no-such-ticket-anywhere');

    expect(
      await screen.findByRole('heading', { name: 'No handoffs match these filters' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Category: Legal')).toBeInTheDocument();
    expect(screen.getByText('Search: “no-such-ticket-anywhere”')).toBeInTheDocument();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    await waitFor(() => expect(history.location.search).toBe(''));
    expect((await dataRows()).length).toBeGreaterThan(0);
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  });

  it('loads the next page as the reviewer scrolls towards the end', async () => {
    const total = all().length;
    expect(total).toBeGreaterThan(100);
    renderApp('/queue?status=all');
    const grid = await findGrid();
    await dataRows();

    // Scroll to the end of the first page (100 rows of 44px).
    fireEvent.scroll(grid, { target: { scrollTop: 95 * 44 } });

    await waitFor(async () => {
      const indexes = (await dataRows()).map((r) => Number(r.getAttribute('aria-rowindex')));
      expect(Math.max(...indexes)).toBeGreaterThan(101);
    });
  });

  it('refreshes itself every 10 seconds while live updates are down', async () => {
    withoutLiveUpdates();
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    try {
      const unassigned = () => openItems().filter((h) => h.assignee === null).length;
      const before = unassigned();
      const { api } = renderApp('/queue?assignee=unassigned');
      expect(
        await screen.findByRole('heading', { level: 1, name: `Queue ${count(before)} handoffs` }),
      ).toBeInTheDocument();
      expect(screen.getByText('Updated just now')).toBeInTheDocument();

      // Someone else takes an item; nothing in this screen asked for it.
      await api.claimNextHandoff({ idempotencyKey: 'another-desk' });
      await act(() => vi.advanceTimersByTimeAsync(5_000));
      expect(screen.getByText(/^Updated \d+s ago$/)).toBeInTheDocument();
      expect(
        screen.getByRole('heading', { level: 1, name: `Queue ${count(before)} handoffs` }),
      ).toBeInTheDocument();

      await act(() => vi.advanceTimersByTimeAsync(5_500));
      expect(
        await screen.findByRole('heading', {
          level: 1,
          name: `Queue ${count(before - 1)} handoffs`,
        }),
      ).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('Queue: opening an item and coming back', () => {
  const idOf = (row: HTMLElement) =>
    within(row).getByRole('link').getAttribute('href')!.split('/').pop()!;
  const selectedId = async () => {
    const row = (await dataRows()).find((r) => r.getAttribute('aria-selected') === 'true');
    return row ? idOf(row) : undefined;
  };

  it('puts focus on the item’s title, and Esc returns to the same filters, row and focus', async () => {
    const user = userEvent.setup();
    const { history } = renderApp('/queue?category=shipping');
    const rows = await dataRows();
    const [third, fourth] = [idOf(rows[2]!), idOf(rows[3]!)];

    await user.keyboard('jjj{Enter}');
    await waitFor(() => expect(history.location.pathname).toBe(`/handoffs/${third}`));
    await screen.findByRole('textbox', { name: 'Reply to customer' });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());

    await user.keyboard('{Escape}');
    await waitFor(() => expect(history.location.pathname).toBe('/queue'));
    expect(new URLSearchParams(history.location.search).get('category')).toBe('shipping');
    const grid = await findGrid();
    await waitFor(() => expect(grid).toHaveFocus());
    expect(await selectedId()).toBe(third);

    // j goes on from the row the reviewer opened, not from the top.
    await user.keyboard('j');
    await waitFor(async () => expect(await selectedId()).toBe(fourth));
  });

  it('highlights the row now in its place when the opened item was decided meanwhile', async () => {
    const made = [1, 2, 3, 4].map((n) => putItem({ subject: `Zanzibar parcel ${n}` }));
    const user = userEvent.setup();
    const { history } = renderApp('/queue?q=Zanzibar');
    await waitFor(async () => expect(await dataRows()).toHaveLength(made.length));
    const order = (await dataRows()).map(idOf);

    await user.keyboard('jj{Enter}');
    await waitFor(() => expect(history.location.pathname).toBe(`/handoffs/${order[1]}`));
    const opened = backend.state.handoffs.get(order[1]!)!;
    await apiAs('u-ana').decideHandoff({
      params: { id: opened.id },
      body: {
        action: 'reject',
        version: opened.version,
        timeOnItemMs: 1000,
        acknowledgedFlags: [],
        reason: 'Handled on the phone',
      },
      idempotencyKey: 'decided-elsewhere',
    });

    await user.keyboard('{Escape}');
    await waitFor(async () => expect(await dataRows()).toHaveLength(made.length - 1));
    await waitFor(async () => expect(await selectedId()).toBe(order[2]));
    await user.keyboard('j');
    await waitFor(async () => expect(await selectedId()).toBe(order[3]));
  });
});
