import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod/mini';
import { conformanceChecks } from './checks';

/*
 * `npm run conformance -- https://desk.example.com/api [--actor u-ana] [--only idempotency]`
 * holds any backend to the Handoff Desk contract. The checks write to the world they run
 * against (claims, releases, a few decisions), so point it at a test or staging server.
 */

const usage = `usage: conformance <api-base-url> [--actor <person id used to list /users>] [--only <text in check names>] [--passwords <file>]
  --passwords: a JSON file {"<person id>": "<password>", …} for a server where people sign in;
  the checks then act through sessions, never X-Actor-Id.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    actor: { type: 'string' },
    only: { type: 'string' },
    passwords: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const baseUrl = positionals[0];
if (values.help || !baseUrl || positionals.length > 1) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
try {
  new URL(baseUrl);
} catch {
  console.error(`Not a URL: ${baseUrl}\n${usage}`);
  process.exit(2);
}

const only = values.only?.toLowerCase();
let passwords: Record<string, string> | undefined;
if (values.passwords) {
  try {
    passwords = z
      .record(z.string(), z.string())
      .parse(JSON.parse(readFileSync(values.passwords, 'utf8')));
  } catch (error) {
    console.error(`Cannot read --passwords ${values.passwords}: ${(error as Error).message}`);
    process.exit(2);
  }
}
const checks = conformanceChecks({ baseUrl, actorId: values.actor, passwords }).filter(
  (c) => !only || c.name.toLowerCase().includes(only),
);
if (checks.length === 0) {
  console.error(`No check matches "${values.only}".`);
  process.exit(2);
}

console.log(`Conformance of ${baseUrl}\n`);
const started = performance.now();
let failed = 0;
for (const check of checks) {
  const t0 = performance.now();
  try {
    await check.run();
    console.log(`✓ ${check.name} (${Math.round(performance.now() - t0)} ms)`);
  } catch (error) {
    failed += 1;
    const message = error instanceof Error ? error.message : String(error);
    console.log(`✗ ${check.name}\n    ${message.replace(/\n/g, '\n    ')}`);
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `\n${checks.length - failed} passed, ${failed} failed, ${checks.length} checks in ${seconds} s`,
);
process.exit(failed > 0 ? 1 : 0);
