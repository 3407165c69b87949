import { type DemoSettings, defaultDemoSettings } from '../../../src/api/demo-schemas';
import type { World } from '../world';

export const DEMO_SETTINGS_KEY = 'demo.settings';

/** The demo floor as last saved, or the calm defaults. */
export function demoSettings(world: World): DemoSettings {
  return world.setting<DemoSettings>(DEMO_SETTINGS_KEY) ?? defaultDemoSettings;
}
