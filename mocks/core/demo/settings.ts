import { demoSettingsSchema } from '../../../src/api/demo-schemas';
import { makeProblem } from '../../../src/api/problem';
import { invalid, ok, on, problemReply } from '../route-kit';
import type { BackendServices, RouteGroup } from '../services';
import { DEMO_SETTINGS_KEY, demoSettings } from './settings-store';

/** The demo floor's controls change how the world behaves, so only demo and test backends offer them. */
const mayChange = (s: BackendServices) => s.options.allowReset !== false;

export const demoSettingsRoutes: RouteGroup = (s) => [
  on('getDemoSettings', () => ok(demoSettings(s.world))),
  on('saveDemoSettings', ({ json }) => {
    if (!mayChange(s)) {
      return problemReply(
        makeProblem('forbidden', 'The demo controls are disabled on this server.'),
      );
    }
    const parsed = demoSettingsSchema.safeParse(json);
    if (!parsed.success) return invalid(parsed.error);
    s.world.putSetting(DEMO_SETTINGS_KEY, parsed.data);
    return ok(parsed.data);
  }),
];
