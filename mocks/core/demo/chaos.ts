import { makeProblem } from '../../../src/api/problem';
import { problemReply } from '../route-kit';
import type { RequestFilter } from '../services';
import { demoSettings } from './settings-store';

/** The demo controls and the contract stay reachable, so chaos can always be switched off. */
const exempt = (path: string) => path.startsWith('/demo/') || path === '/openapi.json';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The demo floor's chaos: every answer is delayed by the configured latency, and a share of
 * requests fail with 503 before they reach the backend, so a failed write never half-happens
 * and retrying it is always safe.
 */
export const demoChaos: RequestFilter = async (s, req, random = Math.random) => {
  if (exempt(req.path)) return null;
  const { latencyMs, errorRate } = demoSettings(s.world);
  if (latencyMs > 0) await sleep(latencyMs);
  if (errorRate > 0 && random() < errorRate) {
    return problemReply(
      makeProblem(
        'unavailable',
        'Simulated outage: the demo’s chaos setting failed this request. Nothing was changed; try again.',
      ),
    );
  }
  return null;
};
