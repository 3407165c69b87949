import { type FormEvent, useId, useState } from 'react';
import type { ApiClient } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Session } from '../../api/session-schemas';

interface SignInFormProps {
  api: ApiClient;
  /** The identity provider's name, when the server has one. */
  oidc: string | null;
  /** Fixed when signing in again mid-work: the same person continues. */
  fixedId?: string;
  onSignedIn: (session: Session) => void;
  autoFocus?: boolean;
}

type Errors = { id?: string; password?: string; form?: string };

/** What to tell a person whose sign-in failed, in words that do not say which part was wrong. */
function messageFor(error: unknown): Errors {
  if (error instanceof ApiError) {
    const problem = error.problem;
    if (problem?.code === 'validation' && problem.errors?.length) {
      const out: Errors = {};
      for (const e of problem.errors) {
        if (e.pointer === '/id') out.id = e.message;
        else if (e.pointer === '/password') out.password = e.message;
        else out.form = e.message;
      }
      return out;
    }
    if (problem) return { form: problem.detail ?? problem.title };
    return { form: error.human.title };
  }
  return { form: 'Signing in failed. Try again.' };
}

/** The local sign-in form, and the identity provider's button when there is one. */
export function SignInForm({ api, oidc, fixedId, onSignedIn, autoFocus = true }: SignInFormProps) {
  const idField = useId();
  const passwordField = useId();
  const [id, setId] = useState(fixedId ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Errors = {
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
      setErrors(messageFor(error));
    } finally {
      setBusy(false);
    }
  }

  const describedBy = (field: string, error?: string) => (error ? `${field}-error` : undefined);

  return (
    <div className="sign-in">
      <form onSubmit={submit} noValidate aria-label="Sign in with your account">
        {errors.form ? (
          <div className="notice notice-error" role="alert">
            {errors.form}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={idField}>User id</label>
          <input
            id={idField}
            name="username"
            autoComplete="username"
            value={id}
            readOnly={fixedId !== undefined}
            // biome-ignore lint/a11y/noAutofocus: the sign-in screen has one job
            autoFocus={autoFocus && fixedId === undefined}
            aria-invalid={errors.id ? true : undefined}
            aria-describedby={describedBy(idField, errors.id)}
            onChange={(e) => setId(e.target.value)}
          />
          {errors.id ? (
            <p id={`${idField}-error`} className="field-error">
              {errors.id}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={passwordField}>Password</label>
          <input
            id={passwordField}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            // biome-ignore lint/a11y/noAutofocus: signing in again starts at the password
            autoFocus={autoFocus && fixedId !== undefined}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={describedBy(passwordField, errors.password)}
            onChange={(e) => setPassword(e.target.value)}
          />
          {errors.password ? (
            <p id={`${passwordField}-error`} className="field-error">
              {errors.password}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {oidc ? (
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
