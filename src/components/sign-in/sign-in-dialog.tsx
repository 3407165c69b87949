import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import type { Session } from '../../api/session-schemas';
import { useApi } from '../../lib/api-context';
import { onSignedInElsewhere } from '../../lib/sign-in-channel';
import { declineSignIn, signedInAgain, useAuthStore } from '../../stores/auth-store';
import { Dialog } from '../ui/dialog';
import { SignInForm } from './sign-in-form';

/**
 * Signing in again when the session ended mid-work. The page stays as it was underneath; the
 * requests that were refused wait, and are sent once more when the same person is back.
 */
export function SignInDialog() {
  const open = useAuthStore((s) => s.reauthenticating);
  const session = useAuthStore((s) => s.session);
  const api = useApi();
  const queryClient = useQueryClient();
  const router = useRouter();
  const resumed = (next: Session) => {
    if (!signedInAgain(next)) {
      // Someone else signed in: what was on screen was for the previous person.
      queryClient.clear();
      void router.invalidate();
    }
  };
  const resumedRef = useRef(resumed);
  resumedRef.current = resumed;
  // A provider sign-in finishes in its popup, which says so here.
  useEffect(() => {
    if (!open) return;
    return onSignedInElsewhere(() => {
      void api.getSession().then((next) => {
        if (next.user) resumedRef.current(next);
      });
    });
  }, [open, api]);
  if (session?.mode !== 'session') return null;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) declineSignIn();
      }}
      title="Your session ended"
      description="Sign in again to carry on. Your unsent edits and pending decisions are kept and go through once you are back."
    >
      <SignInForm
        api={api}
        oidc={session.methods.oidc}
        providerInPopup
        fixedId={session.user?.id}
        onSignedIn={resumed}
      />
    </Dialog>
  );
}
