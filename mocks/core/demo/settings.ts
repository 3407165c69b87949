import {
  type DemoSettings,
  defaultDemoSettings,
  demoSettingsSchema,
} from '../../../src/api/demo-schemas';
import { makeProblem } from '../../../src/api/problem';
import { invalid, ok, problemReply, route } from '../route-kit';
import type { BackendServices, RouteGroup } from '../services';
import type { World } from '../world';

const KEY = 'demo.settings';

export function demoSettings(world: World): DemoSettings {
  return world.setting<DemoSettings>(KEY) ?? defaultDemoSettings;
}

/** The demo floor's controls change how the world behaves, so only demo and test backends offer them. */
const mayChange = (s: BackendServices) => s.options.allowReset !== false;

export const demoSettingsRoutes: RouteGroup = (s) => [
  route('GET', '/demo/settings', false, () => ok(demoSettings(s.world))),
  route('PUT', '/demo/settings', true, ({ json }) => {
    if (!mayChange(s)) {
      return problemReply(
        makeProblem('forbidden', 'The demo controls are disabled on this server.'),
      );
    }
    const parsed = demoSettingsSchema.safeParse(json);
    if (!parsed.success) return invalid(parsed.error);
    s.world.putSetting(KEY, parsed.data);
    return ok(parsed.data);
  }),
];
