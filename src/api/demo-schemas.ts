import './zod-config';
import { z } from 'zod/mini';

/*
 * The demo floor's controls, shared by the demo panel and the backends that honour them (the
 * in-browser demo and test servers started with --allow-reset). A production backend need not
 * implement them; the app hides the panel when GET /demo/settings is not there.
 */

export const demoSettingsSchema = z.strictObject({
  /** Simulated tickets per minute arriving from customers; 0 pauses arrivals. */
  arrivalsPerMinute: z
    .number()
    .check(z.gte(0, 'Arrivals cannot be negative.'), z.lte(120, 'At most 120 arrivals a minute.')),
  /**
   * How good the simulated AI is, 0 to 1: shifts its confidence and how often a confident draft
   * is wrong. 0.8 is the seeded world's AI.
   */
  aiQuality: z.number().check(z.gte(0, 'Between 0 and 100%.'), z.lte(1, 'Between 0 and 100%.')),
  /** Added to every API answer, in milliseconds. */
  latencyMs: z
    .number()
    .check(
      z.int('Whole milliseconds.'),
      z.gte(0, 'Latency cannot be negative.'),
      z.lte(10_000, 'At most 10 seconds.'),
    ),
  /** Share of API requests answered with a simulated 503, 0 to 0.5. */
  errorRate: z.number().check(z.gte(0, 'Between 0 and 50%.'), z.lte(0.5, 'Between 0 and 50%.')),
});
export type DemoSettings = z.infer<typeof demoSettingsSchema>;

export const defaultDemoSettings: DemoSettings = {
  arrivalsPerMinute: 0,
  aiQuality: 0.8,
  latencyMs: 0,
  errorRate: 0,
};
