import './zod-config';
import { z } from 'zod';

/*
 * The demo floor's controls, shared by the demo panel and the backends that honour them (the
 * in-browser demo and test servers started with --allow-reset). A production backend need not
 * implement them; the app hides the panel when GET /demo/settings is not there.
 */

export const demoSettingsSchema = z.strictObject({
  /** Simulated tickets per minute arriving from customers; 0 pauses arrivals. */
  arrivalsPerMinute: z
    .number()
    .min(0, 'Arrivals cannot be negative.')
    .max(120, 'At most 120 arrivals a minute.'),
  /**
   * How good the simulated AI is, 0 to 1: shifts its confidence and how often a confident draft
   * is wrong. 0.8 is the seeded world's AI.
   */
  aiQuality: z.number().min(0, 'Between 0 and 100%.').max(1, 'Between 0 and 100%.'),
  /** Added to every API answer, in milliseconds. */
  latencyMs: z
    .number()
    .int('Whole milliseconds.')
    .min(0, 'Latency cannot be negative.')
    .max(10_000, 'At most 10 seconds.'),
  /** Share of API requests answered with a simulated 503, 0 to 0.5. */
  errorRate: z.number().min(0, 'Between 0 and 50%.').max(0.5, 'Between 0 and 50%.'),
});
export type DemoSettings = z.infer<typeof demoSettingsSchema>;

export const defaultDemoSettings: DemoSettings = {
  arrivalsPerMinute: 0,
  aiQuality: 0.8,
  latencyMs: 0,
  errorRate: 0,
};
