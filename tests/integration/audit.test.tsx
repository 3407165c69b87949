import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { vipDesk } from '../../mocks/core/teams/test-kit';
import { plainItem } from '../../mocks/core/test-items';
import { createdAgentKeySchema } from '../../src/api/agent-schemas';
import { auditEntrySchema } from '../../src/api/audit-schemas';
import { operations, pathOf } from '../../src/api/operations';
import { makeProblem } from '../../src/api/problem';
import { teamDirectorySchema } from '../../src/api/team-schemas';
import { captureDownloads } from '../downloads';
import { API_BASE, backend, server } from '../msw';
import { renderApp } from '../render';

/* jsdom has no layout: give the log's scroll container a size so the virtualizer renders rows. */
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('audit-grid') ? 600 : 0;
    },
  });
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
});

const downloads = captureDownloads();
beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

/** A request to the backend as the lead Femi, as another screen would send it. */
function call(method: string, path: string, body?: unknown) {
  return backend.handle({
    method,
    path,
    query: new URLSearchParams(),
    headers: new Headers({ 'X-Actor-Id': 'u-femi', 'Idempotency-Key': crypto.randomUUID() }),
    body: body === undefined ? null : JSON.stringify(body),
  });
}

async function rejectPlainItem(reason: string) {
  const item = plainItem(backend);
  const reply = await backend.handle({
    method: 'POST',
    path: pathOf(operations.decideHandoff, { id: item.id }),
    query: new URLSearchParams(),
    headers: new Headers({ 'X-Actor-Id': 'u-ana', 'Idempotency-Key': crypto.randomUUID() }),
    body: JSON.stringify({ action: 'reject', version: item.version, timeOnItemMs: 30_000, reason }),
  });
  expect(reply.status).toBe(200);
  return item;
}

const grid = () => screen.findByRole('grid', { name: 'Audit log, newest first' });
const dataRows = (g: HTMLElement) =>
  within(g)
    .getAllByRole('row')
    .filter((r) => r.getAttribute('aria-rowindex') !== '1');

/**
 * Serves audit pages of `size` entries instead of the export's 1,000 (the test world is small)
 * and holds every page after the first until `release` is called.
 */
function smallHeldPages(size: number) {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.use(
    http.get(`${API_BASE}${operations.listAudit.path}`, async ({ request }) => {
      const url = new URL(request.url);
      if (url.searchParams.get('limit') !== '1000') return undefined;
      url.searchParams.set('limit', String(size));
      if (url.searchParams.has('cursor')) await held;
      return fetch(url, { headers: request.headers });
    }),
  );
  return { release: () => release() };
}

function csvLines(text: string) {
  return text.split('\r\n').filter(Boolean);
}

describe('audit log screen', () => {
  it('filters to an item by typing, keeps the filter in the URL, and shows the decision with its reason', async () => {
    const item = await rejectPlainItem('Quotes the wrong order number');
    const user = userEvent.setup();
    const { history } = renderApp('/audit', { actorId: 'u-femi' });
    expect(await screen.findByRole('heading', { name: /Audit log/ })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Item'), item.id);
    await waitFor(() => expect(history.location.search).toContain(`item=${item.id}`));
    const g = await grid();
    await waitFor(() => {
      const rows = dataRows(g);
      expect(rows.length).toBe(backend.state.events.get(item.id)!.length);
      expect(within(rows[0]!).getByText('Rejected')).toBeInTheDocument();
      expect(within(rows[0]!).getByText('Quotes the wrong order number')).toBeInTheDocument();
      expect(within(rows[0]!).getByText('Ana Ortiz')).toBeInTheDocument();
    });
    expect(screen.getByRole('heading', { name: /Audit log/ })).toHaveTextContent(
      `${backend.state.events.get(item.id)!.length} entries`,
    );
  });

  it('opens a shared filtered link as it was, and j then Enter opens the item', async () => {
    const item = await rejectPlainItem('Promises a refund we cannot give');
    const user = userEvent.setup();
    const { history } = renderApp(`/audit?item=${item.id}&action=rejected`, { actorId: 'u-femi' });
    const g = await grid();
    await waitFor(() => expect(dataRows(g)).toHaveLength(1));
    expect(screen.getByLabelText('Action')).toHaveValue('rejected');
    expect(screen.getByLabelText('Item')).toHaveValue(item.id);
    await user.keyboard('j');
    await waitFor(() => expect(history.location.search).toContain('selected='));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(history.location.pathname).toBe(`/handoffs/${item.id}`));
  });

  it('lists a team change with who, when and what, and filters to it by action', async () => {
    const current = teamDirectorySchema.parse((await call('GET', '/teams')).body);
    const saved = await call('POST', '/teams/changes', {
      version: current.version,
      teams: [...current.teams, vipDesk],
      rules: current.rules,
      reason: 'A desk for our largest customers.',
    });
    expect(saved.status).toBe(201);

    const user = userEvent.setup();
    const { history } = renderApp('/audit', { actorId: 'u-femi' });
    const g = await grid();
    await user.selectOptions(screen.getByLabelText('Action'), 'Team created');
    await waitFor(() => expect(history.location.search).toContain('action=team_created'));
    await waitFor(() => expect(dataRows(g)).toHaveLength(1));
    const [row] = dataRows(g);
    expect(row).toHaveTextContent('Femi Adeyemi');
    expect(row).toHaveTextContent('Team created');
    expect(row).toHaveTextContent('Team VIP desk created');
    expect(row).toHaveTextContent('A desk for our largest customers.');
    expect(row).toHaveTextContent('Members: Chen Wei');
    expect(row).toHaveTextContent('Teams v2');
  });

  it('lists an agent key issued and revoked by the lead, without its secret', async () => {
    const issued = await call('POST', '/agent-keys', { name: 'Billing helper' });
    expect(issued.status).toBe(201);
    const { id, secret } = createdAgentKeySchema.parse(issued.body);
    expect((await call('DELETE', `/agent-keys/${id}`)).status).toBe(200);

    const user = userEvent.setup();
    const { history } = renderApp('/audit', { actorId: 'u-femi' });
    const g = await grid();
    await user.selectOptions(screen.getByLabelText('Action'), 'Agent key revoked');
    await waitFor(() => expect(history.location.search).toContain('action=agent_key_revoked'));
    await waitFor(() => expect(dataRows(g)).toHaveLength(1));
    const [row] = dataRows(g);
    expect(row).toHaveTextContent('Femi Adeyemi');
    expect(row).toHaveTextContent('Revoked the agent key of Billing helper');
    expect(row).toHaveTextContent('Agent keys');
    expect(row).not.toHaveTextContent(secret);
  });

  it('lists a key given at start as issued by the server at start, once however often it starts', async () => {
    const secret = 'hd_ci0000000000000000000000000000';
    await backend.registerAgentKey('CI runner', secret);
    // The same key given again (as at the next start) is no change and no second entry.
    await backend.registerAgentKey('CI runner', secret);
    const user = userEvent.setup();
    renderApp('/audit', { actorId: 'u-femi' });
    const g = await grid();
    await user.selectOptions(screen.getByLabelText('Action'), 'Agent key issued');
    await waitFor(() => expect(dataRows(g)).toHaveLength(1));
    const [row] = dataRows(g);
    expect(row).toHaveTextContent('Server start');
    expect(row).toHaveTextContent('Issued the agent key of CI runner at start');
    expect(row).toHaveTextContent('Agent keys');
    expect(row).not.toHaveTextContent(secret);
  });

  it('says so when nothing matches, and clears the filters', async () => {
    const user = userEvent.setup();
    renderApp('/audit?q=no-such-words-anywhere', { actorId: 'u-femi' });
    expect(await screen.findByText('No entries match these filters.')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    expect(await grid()).toBeInTheDocument();
  });

  it('shows an error with a retry when the log cannot load', async () => {
    server.use(
      http.get(`${API_BASE}${operations.listAudit.path}`, () =>
        HttpResponse.json(makeProblem('unavailable', 'The audit store is down.'), { status: 503 }),
      ),
    );
    renderApp('/audit', { actorId: 'u-femi' });
    expect(await screen.findByRole('alert')).toHaveTextContent(/unavailable|down|try/i);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('exports the filtered log as CSV page by page, showing progress, with the right rows', async () => {
    const pages = smallHeldPages(40);
    const user = userEvent.setup();
    renderApp('/audit?actor=person', { actorId: 'u-femi' });
    await grid();
    const expected = backend.state.log.events.filter((e) => e.actor.type === 'person').length;
    expect(expected).toBeGreaterThan(80);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(
      await screen.findByText(
        `Exporting audit log CSV: 40 of ${expected.toLocaleString('en')} events`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export JSONL' })).toBeDisabled();
    pages.release();
    expect(
      await screen.findByText(
        new RegExp(`Exported ${expected.toLocaleString('en')} events to audit-log-.*\\.csv`),
      ),
    ).toBeInTheDocument();
    expect(downloads).toHaveLength(1);
    const lines = csvLines(await downloads[0]!.text());
    expect(lines[0]).toMatch(/^at,kind,actor_type,actor_id,actor_name,action,outcome,reason/);
    expect(lines).toHaveLength(expected + 1);
    expect(lines.slice(1).every((l) => l.split(',')[2] === 'person')).toBe(true);
    const newest = backend.state.log.events.filter((e) => e.actor.type === 'person').at(-1)!;
    expect(lines[1]!.startsWith(`${newest.at},event,person,${newest.actor.id},`)).toBe(true);
  });

  it('cancels an export between pages and downloads nothing', async () => {
    const pages = smallHeldPages(40);
    const user = userEvent.setup();
    renderApp('/audit', { actorId: 'u-femi' });
    await grid();
    await user.click(screen.getByRole('button', { name: 'Export JSONL' }));
    await screen.findByText(/Exporting audit log JSONL: 40 of/);
    await user.click(screen.getByRole('button', { name: 'Cancel export' }));
    pages.release();
    expect(
      await screen.findByText(/export was cancelled; nothing was downloaded/),
    ).toBeInTheDocument();
    expect(downloads).toHaveLength(0);
  });

  it('exports the log as JSONL that parses back entry by entry', async () => {
    const item = await rejectPlainItem('Wrong tone for a legal complaint');
    const user = userEvent.setup();
    renderApp(`/audit?item=${item.id}`, { actorId: 'u-femi' });
    await grid();
    await user.click(screen.getByRole('button', { name: 'Export JSONL' }));
    await screen.findByText(/Exported \d+ events to audit-log-.*\.jsonl/);
    const lines = (await downloads[0]!.text()).split('\n').filter(Boolean);
    const entries = lines.map((l) => auditEntrySchema.parse(JSON.parse(l)));
    expect(entries.map((e) => e.id)).toEqual(
      [...backend.state.events.get(item.id)!].reverse().map((e) => e.id),
    );
  });

  it('exports corrections as JSONL training records', async () => {
    const item = await rejectPlainItem('Does not answer the question asked');
    const user = userEvent.setup();
    renderApp('/audit', { actorId: 'u-femi' });
    await grid();
    await user.click(screen.getByRole('button', { name: 'Export corrections (JSONL)' }));
    await screen.findByText(/Exported \d+ corrections to corrections-.*\.jsonl/);
    const records = (await downloads[0]!.text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(records[0]).toMatchObject({
      handoffId: item.id,
      correction: 'reject',
      reason: 'Does not answer the question asked',
      aiDraft: item.drafts.at(-1)!.text,
      finalText: null,
    });
  });
});

describe('audit log, live', () => {
  it('shows a decision made elsewhere at the top without a reload', async () => {
    renderApp('/audit', { actorId: 'u-femi' });
    const g = await grid();
    await waitFor(() => expect(dataRows(g).length).toBeGreaterThan(1));
    await screen.findByText('Live', { exact: true });
    await rejectPlainItem('Rejected in another browser');
    // The test's clock stands still: the new entry shares its moment with the keys issued at
    // start, so it is among the top rows rather than strictly first.
    await waitFor(
      () =>
        expect(
          dataRows(g)
            .slice(0, 3)
            .some((row) => within(row).queryByText('Rejected in another browser')),
        ).toBe(true),
      { timeout: 4000 },
    );
  });
});

describe('audit export under a flaky network', () => {
  it('tries a failed page again instead of losing the export', async () => {
    let failures = 0;
    server.use(
      http.get(`${API_BASE}${operations.listAudit.path}`, ({ request }) => {
        const url = new URL(request.url);
        if (url.searchParams.get('limit') !== '1000' || failures > 0) return undefined;
        failures += 1;
        return HttpResponse.json(makeProblem('unavailable', 'Try again shortly.'), { status: 503 });
      }),
    );
    const user = userEvent.setup();
    renderApp('/audit?action=rejected', { actorId: 'u-femi' });
    await grid();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByText(/Exported \d+ events to audit-log-.*\.csv/, {}, { timeout: 4000 });
    expect(failures).toBe(1);
    const rows = (await downloads[0]!.text()).split('\r\n').filter(Boolean);
    expect(rows.length - 1).toBe(
      backend.state.log.events.filter((e) => e.action === 'rejected').length,
    );
  });
});
