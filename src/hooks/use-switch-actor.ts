import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useSessionStore } from '../stores/session-store';

/** Act as someone else: another person sees another queue, so everything is fetched again. */
export function useSwitchActor(): (id: string) => void {
  const setActorId = useSessionStore((s) => s.setActorId);
  const queryClient = useQueryClient();
  const router = useRouter();
  return (id) => {
    setActorId(id);
    void queryClient.invalidateQueries();
    void router.invalidate();
  };
}
