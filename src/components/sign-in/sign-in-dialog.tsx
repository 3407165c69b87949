import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useApi } from '../../lib/api-context';
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
        oidc={null}
        fixedId={session.user?.id}
        onSignedIn={(next) => {
          if (!signedInAgain(next)) {
            // Someone else signed in: what was on screen was for the previous person.
            queryClient.clear();
            void router.invalidate();
          }
        }}
      />
    </Dialog>
  );
}
