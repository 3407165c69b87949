import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { API_BASE, server } from '../../../tests/msw';
import { createTestApi } from '../../../tests/render';
import { makeProblem } from '../../api/problem';
import type { Session } from '../../api/session-schemas';
import { SignInForm } from './sign-in-form';

/*
 * The sign-in form as a person meets it. The in-browser backend has no accounts (the demo has
 * its person switcher), so each test answers POST /session as a signed-in server does.
 */

const signedIn: Session = {
  mode: 'session',
  user: { id: 'u-rae', name: 'Rae Diaz', role: 'reviewer', level: 'l1' },
  expiresAt: '2026-11-25T21:00:00.000Z',
  methods: { password: true, oidc: null },
};

function answerSignIn(reply: () => Response) {
  const bodies: unknown[] = [];
  server.use(
    http.post(`${API_BASE}/session`, async ({ request }) => {
      bodies.push(await request.json());
      return reply();
    }),
  );
  return bodies;
}

const problem = (p: ReturnType<typeof makeProblem>, headers: Record<string, string> = {}) =>
  HttpResponse.json(p, {
    status: p.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

function renderForm(oidc: string | null = null) {
  const onSignedIn = vi.fn();
  render(<SignInForm api={createTestApi()} oidc={oidc} onSignedIn={onSignedIn} />);
  return { onSignedIn, user: userEvent.setup() };
}

describe('the sign-in form', () => {
  it('says which field is missing, next to it, and sends nothing', async () => {
    const bodies = answerSignIn(() => HttpResponse.json(signedIn));
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('User id')).toHaveAccessibleDescription('Enter your user id.');
    expect(screen.getByLabelText('User id')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(bodies).toEqual([]);
  });

  it('shows the server’s one answer for a failed sign-in, without saying which part was wrong', async () => {
    answerSignIn(() =>
      problem(
        makeProblem(
          'unauthenticated',
          'The user id or password is not right, or this account cannot sign in.',
        ),
      ),
    );
    const { user, onSignedIn } = renderForm();
    await user.type(screen.getByLabelText('User id'), 'u-rae');
    await user.type(screen.getByLabelText('Password'), 'not it');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The user id or password is not right, or this account cannot sign in.',
    );
    expect(screen.getByLabelText('User id')).not.toHaveAttribute('aria-invalid');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('says how long to wait after too many attempts', async () => {
    answerSignIn(() =>
      problem(makeProblem('rate_limited', 'Too many sign-in attempts; try again in 840 s.'), {
        'retry-after': '840',
      }),
    );
    const { user } = renderForm();
    await user.type(screen.getByLabelText('User id'), 'u-rae');
    await user.type(screen.getByLabelText('Password'), 'guess{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('try again in 840 s');
  });

  it('puts a field error from the server on its field', async () => {
    answerSignIn(() =>
      problem(
        makeProblem('validation', 'Some fields need attention.', {
          errors: [{ pointer: '/id', message: 'At most 100 characters.' }],
        }),
      ),
    );
    const { user } = renderForm();
    await user.type(screen.getByLabelText('User id'), 'u-rae');
    await user.type(screen.getByLabelText('Password'), 'secret{Enter}');
    expect(await screen.findByText('At most 100 characters.')).toBeInTheDocument();
    expect(screen.getByLabelText('User id')).toHaveAttribute('aria-invalid', 'true');
  });

  it('signs in with the trimmed id and hands over the session', async () => {
    const bodies = answerSignIn(() => HttpResponse.json(signedIn));
    const { user, onSignedIn } = renderForm('Acme SSO');
    expect(screen.getByRole('link', { name: 'Sign in with Acme SSO' })).toHaveAttribute(
      'href',
      `${API_BASE}/session/oidc`,
    );
    await user.type(screen.getByLabelText('User id'), '  u-rae ');
    await user.type(screen.getByLabelText('Password'), 'correct horse{Enter}');
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(signedIn));
    expect(bodies).toEqual([{ id: 'u-rae', password: 'correct horse' }]);
  });
});
