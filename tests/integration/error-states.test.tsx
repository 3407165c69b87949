import { createMemoryHistory } from '@tanstack/react-router';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, HttpResponse, http } from 'msw';
import { createApiClient } from '../../src/api/client';
import { App } from '../../src/app/app';
import { useSessionStore } from '../../src/stores/session-store';
import { API_BASE, server } from '../msw';
import { createTestQueryClient } from '../render';

/*
 * What a reviewer reads when the queue cannot load, per cause: an outage reads as an outage, a
 * contract mismatch as a mismatch, the particulars wait behind "Details", retries are visible,
 * and none of it is written to the console.
 */

const QUEUE = `${API_BASE}/handoffs`;

/** The app at /queue, with a short timeout and, when asked, retries without a pause. */
function renderQueue({ retries = 0 }: { retries?: number } = {}) {
  useSessionStore.setState({ actorId: 'u-ana' });
  const api = createApiClient({
    baseUrl: API_BASE,
    getActorId: () => useSessionStore.getState().actorId,
    timeoutMs: 100,
  });
  const queryClient = createTestQueryClient(api);
  queryClient.setDefaultOptions({
    queries: { retry: retries, retryDelay: 0, staleTime: 0 },
    mutations: { retry: false },
  });
  const history = createMemoryHistory({ initialEntries: ['/queue'] });
  render(<App queryClient={queryClient} history={history} demo />);
}

/** What the app wrote to the console during a test. */
let written: unknown[][] = [];
beforeEach(() => {
  // The router restores window scroll on navigation; jsdom does not implement it.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  written = [];
  const keep = (...args: unknown[]) => {
    // jsdom predates the <search> element; a browser knows it.
    if (!String(args[0]).includes('is unrecognized in this browser')) written.push(args);
  };
  vi.spyOn(console, 'error').mockImplementation(keep);
  vi.spyOn(console, 'warn').mockImplementation(keep);
});
afterEach(() => {
  // A handled failure is told to the person, never to the console.
  expect(written).toEqual([]);
});

/** The notice in place of the queue, once the load has failed for good. */
async function queueAlert() {
  const alert = await screen.findByRole('alert');
  // The page around the list keeps working.
  expect(screen.getByRole('searchbox', { name: 'Search' })).toBeInTheDocument();
  return alert;
}

/** The closed "Details" disclosure inside `notice`, and the text it holds. */
function details(notice: HTMLElement) {
  const summary = within(notice).getByText('Details');
  const disclosure = summary.closest('details');
  expect(disclosure).not.toBeNull();
  expect(disclosure).not.toHaveAttribute('open');
  return disclosure as HTMLElement;
}

describe('the queue when the server fails', () => {
  it('reads a gateway’s HTML 502 as an outage, not as a mismatch', async () => {
    server.use(
      http.get(
        QUEUE,
        () =>
          new HttpResponse('<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>', {
            status: 502,
            headers: { 'content-type': 'text/html' },
          }),
      ),
    );
    renderQueue();

    const alert = await queueAlert();
    expect(alert).toHaveTextContent('The server is unavailable (502 Bad Gateway)');
    expect(alert).toHaveTextContent(/down or restarting/);
    expect(alert).toHaveTextContent(/tell whoever runs the server/);
    expect(alert).not.toHaveTextContent(/not JSON|does not match|do not match/);
    expect(details(alert)).toHaveTextContent(
      'The server answered 502 Bad Gateway with an HTML page.',
    );
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
  });

  it('reads a plain-text 500 as a failure of the server', async () => {
    server.use(
      http.get(
        QUEUE,
        () =>
          new HttpResponse('Internal Server Error', {
            status: 500,
            headers: { 'content-type': 'text/plain' },
          }),
      ),
    );
    renderQueue();

    const alert = await queueAlert();
    expect(alert).toHaveTextContent('The server failed (500 Internal Server Error)');
    expect(alert).not.toHaveTextContent(/not JSON|does not match|do not match/);
    expect(details(alert)).toHaveTextContent(
      'The server answered 500 Internal Server Error with plain text.',
    );
  });

  it('says the server could not be reached when the connection fails', async () => {
    server.use(http.get(QUEUE, () => HttpResponse.error()));
    renderQueue();

    const alert = await queueAlert();
    expect(alert).toHaveTextContent('Could not reach the server');
    expect(alert).toHaveTextContent(/Check your connection/);
  });

  it('says the server took too long when no answer arrives in time', async () => {
    server.use(
      http.get(QUEUE, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    renderQueue();

    const alert = await queueAlert();
    expect(alert).toHaveTextContent('The server took too long');
  });

  it('calls a successful reply of the wrong shape a mismatch, its schema path behind Details', async () => {
    server.use(http.get(QUEUE, () => HttpResponse.json({ items: 'not a list' })));
    renderQueue();

    const alert = await queueAlert();
    expect(alert).toHaveTextContent('The server and this app do not match');
    // The raw path is for whoever runs the server, not the first thing a reviewer reads.
    const disclosure = details(alert);
    expect(disclosure).toHaveTextContent(/^Details.*items: /);
    const visible = alert.textContent?.replace(disclosure.textContent ?? '', '') ?? '';
    expect(visible).not.toMatch(/items:/);

    await userEvent.setup().click(within(alert).getByText('Details'));
    expect(disclosure).toHaveAttribute('open');
  });

  it('shows that it is retrying while the server is down, then the queue once it is back', async () => {
    let release: () => void = () => {};
    const back = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    server.use(
      http.get(QUEUE, async () => {
        calls += 1;
        if (calls === 1) return new HttpResponse('<html>Bad gateway</html>', { status: 502 });
        // The retry waits here until the test has seen the notice.
        await back;
        return undefined;
      }),
    );
    renderQueue({ retries: 1 });

    const retrying = await screen.findByText(/Trying again \(attempt 2\)/);
    const notice = retrying.closest('[role="status"]') as HTMLElement;
    expect(notice).toHaveTextContent('The server is unavailable (502 Bad Gateway)');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    release();
    expect(await screen.findByRole('grid', { name: 'Handoffs' })).toBeInTheDocument();
    expect(screen.queryByText(/Trying again/)).not.toBeInTheDocument();
  });
});
