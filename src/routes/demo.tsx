import { createFileRoute } from '@tanstack/react-router';
import { demoQueries } from '../features/demo/api/queries';
import { DemoFloor } from '../features/demo/components/demo-floor';

export const Route = createFileRoute('/demo')({
  // A failure is shown in place by the page, with a retry.
  loader: ({ context: { queryClient } }) =>
    queryClient.ensureQueryData(demoQueries.settings()).catch(() => undefined),
  component: DemoFloor,
});
