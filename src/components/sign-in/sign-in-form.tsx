import { type FormEvent, useState } from 'react';
import type { ApiClient } from '../../api/client';
import type { Session } from '../../api/session-schemas';
import { type FieldErrors, requestFieldErrors } from '../../lib/field-errors';
import { FormError, TextField } from '../text-field';

interface SignInFormProps {
  api: ApiClient;
  /** The identity provider's name, when the server has one. */
  oidc: string | null;
  /** Fixed when signing in again mid-work: the same person continues. */
  fixedId?: string;
  onSignedIn: (session: Session) => void;
  autoFocus?: boolean;
  /**
   * Signing in again mid-work: the provider opens in a popup so the page, and everything
   * unsent on it, stays as it is.
   */
  providerInPopup?: boolean;
}

/** The local sign-in form, and the identity provider's button when there is one. */
export function SignInForm({
  api,
  oidc,
  fixedId,
  onSignedIn,
  autoFocus = true,
  providerInPopup = false,
}: SignInFormProps) {
  const [id, setId] = useState(fixedId ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldErrors = {
      ...(id.trim() ? {} : { id: 'Enter your user id.' }),
      ...(password ? {} : { password: 'Enter your password.' }),
    };
    if (missing.id || missing.password) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const session = await api.signIn({ body: { id: id.trim(), password } });
      setPassword('');
      onSignedIn(session);
    } catch (error) {
      // One answer for every failed sign-in: it never says which part was wrong.
      setErrors(requestFieldErrors(error, 'Signing in failed. Try again.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sign-in">
      <form onSubmit={submit} noValidate aria-label="Sign in with your account">
        <FormError message={errors.form} />
        <TextField
          label="User id"
          name="username"
          autoComplete="username"
          value={id}
          readOnly={fixedId !== undefined}
          autoFocus={autoFocus && fixedId === undefined}
          error={errors.id}
          onValue={setId}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          autoFocus={autoFocus && fixedId !== undefined}
          error={errors.password}
          onValue={setPassword}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {oidc && providerInPopup ? (
        <p className="sign-in-provider">
          <button
            type="button"
            className="button"
            onClick={() =>
              window.open(
                `${oidcStartUrl(api)}?mode=popup`,
                'handoff-desk-sign-in',
                'popup,width=520,height=680',
              )
            }
          >
            Sign in with {oidc}
          </button>
        </p>
      ) : oidc ? (
        <p className="sign-in-provider">
          {/* A navigation, not a call: the provider's page takes over the tab. */}
          <a className="button" href={oidcStartUrl(api)}>
            Sign in with {oidc}
          </a>
        </p>
      ) : null}
    </div>
  );
}

/** The provider's start address under the client's API base. */
function oidcStartUrl(api: ApiClient): string {
  return api.urlOf('startOidcSignIn');
}
