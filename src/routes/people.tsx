import { createFileRoute } from '@tanstack/react-router';
import { peopleQueries } from '../features/people/api/queries';
import { PeoplePage } from '../features/people/components/people-page';

export const Route = createFileRoute('/people')({
  loader: ({ context: { queryClient } }) => queryClient.ensureQueryData(peopleQueries.list()),
  component: PeoplePage,
});
