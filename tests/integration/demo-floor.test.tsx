import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { defaultDemoSettings } from '../../src/api/demo-schemas';
import { operations } from '../../src/api/operations';
import { makeProblem } from '../../src/api/problem';
import { useSessionStore } from '../../src/stores/session-store';
import { API_BASE, backend, server } from '../msw';
import { renderApp } from '../render';

beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

const settingsNow = () =>
  backend.handle({
    method: 'GET',
    path: operations.getDemoSettings.path,
    query: new URLSearchParams(),
    headers: new Headers({ 'X-Actor-Id': 'u-ana' }),
    body: null,
  });

describe('the demo floor', () => {
  it('is reached from the header in demo mode and not offered otherwise', async () => {
    const user = userEvent.setup();
    const { unmount } = renderApp('/queue');
    await user.click(await screen.findByRole('link', { name: 'Demo floor' }));
    expect(await screen.findByRole('heading', { name: 'Demo floor', level: 1 })).toBeVisible();
    unmount();
    renderApp('/queue', { demo: false });
    await screen.findByRole('link', { name: 'Queue' });
    expect(screen.queryByRole('link', { name: 'Demo floor' })).not.toBeInTheDocument();
  });

  it('switches who I am, and the header follows', async () => {
    const user = userEvent.setup();
    renderApp('/demo');
    const group = await screen.findByRole('radiogroup', { name: 'Act as' });
    await user.click(within(group).getByRole('radio', { name: /Dana/ }));
    expect(useSessionStore.getState().actorId).toBe('u-dana');
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: /acting as/i })).toHaveValue('u-dana'),
    );
  });

  it('applies arrivals, AI quality and chaos with Ctrl+Enter, as percentages the person typed', async () => {
    const user = userEvent.setup();
    renderApp('/demo');
    const arrivals = await screen.findByRole('spinbutton', { name: /arrivals/i });
    await user.clear(arrivals);
    await user.type(arrivals, '30');
    const quality = screen.getByRole('spinbutton', { name: /ai quality/i });
    await user.clear(quality);
    await user.type(quality, '55');
    const errors = screen.getByRole('spinbutton', { name: /error rate/i });
    await user.clear(errors);
    await user.type(errors, '10{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Applied.')).toBeVisible();
    expect((await settingsNow()).body).toEqual({
      ...defaultDemoSettings,
      arrivalsPerMinute: 30,
      aiQuality: 0.55,
      errorRate: 0.1,
    });
  });

  it('rejects an out-of-range value at the field and sends nothing', async () => {
    const user = userEvent.setup();
    renderApp('/demo');
    const errors = await screen.findByRole('spinbutton', { name: /error rate/i });
    await user.clear(errors);
    await user.type(errors, '80');
    await user.click(screen.getByRole('button', { name: /apply/i }));
    expect(errors).toHaveAccessibleDescription(expect.stringMatching(/between 0 and 50%/i));
    expect(errors).toHaveAttribute('aria-invalid', 'true');
    expect((await settingsNow()).body).toEqual(defaultDemoSettings);
  });

  it('says why a server refuses the controls, and keeps the values typed', async () => {
    server.use(
      http.put(`${API_BASE}${operations.getDemoSettings.path}`, () =>
        HttpResponse.json(
          makeProblem('forbidden', 'The demo controls are disabled on this server.'),
          { status: 403 },
        ),
      ),
    );
    const user = userEvent.setup();
    renderApp('/demo');
    const latency = await screen.findByRole('spinbutton', { name: /latency/i });
    await user.clear(latency);
    await user.type(latency, '400');
    await user.click(screen.getByRole('button', { name: /apply/i }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/disabled on this server/i);
    expect(latency).toHaveValue(400);
  });
});
