// Checks the production build: the entry carries no mock-backend code and stays within budget.
// Prints the figures so a change in size is visible in every CI log.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// The entry is the whole first load since its static imports are one chunk (vite.config.ts).
const ENTRY_BUDGET_KB = 138;
// 300 before the lead dashboard; its lazy chunk (recharts, measured 117 KiB gzip) loads only on /dashboard.
// 330 before the routing policy screen; its lazy chunk (9 KiB gzip) loads only on /policy.
// 340 before the audit log, gates, handoff kinds, authority panel and demo floor (345 KiB measured
// with all five); the entry stays at 94 KiB, the rest are route chunks loaded on their screen.
// 368 with the command palette (cmdk, a lazy chunk of about 5.5 KiB gzip loaded on Ctrl+K) and the
// demo's guided tour (1 KiB, loaded on a first visit to the demo).
// 375 with the People dialogs and the sign-in screen and dialog split into chunks of their own.
// 390 with the agent side (keys, runs, webhooks screen), batch review and proposed actions
// (measured 381.4): route chunks, except the contract's new schemas.
// 410 with the Teams and Agents screens, the proposed-actions editor and the error states
// (measured 401.8).
// 392 with the contract in zod/mini (measured 389.8): zod's classic methods and its JSON Schema
// generator are no longer in the client.
// 395 with re-route on the checkpoint and in a batch, and the per-team dashboard (measured 392.3).
// 404 with the operation table split per feature (measured 402.1): each feature's operations and
// schemas are chunks of their own now, which compress a little worse apart than together.
// 393 once the entry's static imports are one chunk instead of twenty-odd (measured 391.3).
// 395 with the double-review share form on post-hoc review and the version-conflict panel it
// shares with the people screen (about 2 KiB).
// 396 with the grid scrolling a row into view itself on j/k (the virtualizer's scroll-to-index
// measured the list again on every press that scrolled) and the shared fields and query states
// that replaced copies in several screens (measured 395.1).
// 387 once the data grid windows its equal-height rows itself, without the virtualizer library
// (measured 386.0).
const TOTAL_BUDGET_KB = 387;
// What a first visit to /queue downloads before the app runs: the entry and every chunk
// index.html modulepreloads. Measured at 150 KiB; the goal is 120, and zod (about 25 KiB gzip,
// needed by the API client to read any answer) is the largest piece still on this path.
// Raised from 155 when sign-in (session dialog, sign-in screen, people screen wiring) landed in the
// shell: the goal stays 120, to be won back by lazy-loading sign-in and the schemas.
// 160 once the sign-in screen and the session-ended dialog load only when they are shown
// (measured 155.7); the schemas are what is left to move off this path.
// 165 with the agent, webhook and batch contracts in the operation table (measured 160.4): the
// table and its schemas load with the client, which is why they are the next thing to split.
// 172 with the team and agent-run contracts, the header's lost-runs notice and the error
// classifier (measured 170.0).
// 154 with the contract in zod/mini (156.8: zod in the client went from 91 to 41 KiB minified),
// the commitment parser out of the draft store's imports, and the sign-in screen loaded only when
// someone must sign in (measured 153.0). The change stream's parser stays: loading it when the
// stream opens let a change event land after an edit it used to precede. What remains is mostly the fixed stack:
// react-dom (~62 KiB gzip), the router (~27), query (~11), zod/mini (~12), and the app's shell
// with the whole operation table and its schemas (~30), which the API client loads at once.
// 148 with the operation table split per feature behind a manifest of names (measured 146.5): the
// client carries only the session, people and handoff operations the first screen calls.
// 140 with the first load in one chunk (measured 138.0): small chunks compressed apart had cost ~8.
// 139 with the change stream's SSE parser fetched beside the first requests (measured 136.8).
// Of those 136.8, the libraries compressed together are ~113 (react-dom ~62, the router ~26,
// zod/mini ~12, query ~10, react and scheduler ~4.5, zustand ~1); the app's own first-load code
// is ~21 (the shell, the client, the queue's and session's schemas and operations, the route
// tree with every route's search schema and loader, the stores). 120 would leave the app ~7.
// 138 (measured 137.4). Compressed apart, zod's core is ~11.8 and src/api (the first screen's
// schemas, operations, client and error reader) ~10.5: the two pieces left that could move off
// this path, which needs route search validation that does not use zod and the client's
// schemas loaded beside the first requests.
const INITIAL_BUDGET_KB = 138;

const dir = 'dist/assets';
const html = readFileSync('dist/index.html', 'utf8');
const entryName = html.match(/src="\/assets\/([^"]+\.js)"/)?.[1];
if (!entryName) throw new Error('No entry script in dist/index.html: run `vite build` first.');

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
let total = 0;
const problems = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const code = readFileSync(join(dir, file));
  const gz = gzipSync(code).length;
  total += gz;
  if (/setupWorker|mockServiceWorker|msw\/browser/.test(code.toString())) {
    problems.push(`${file} contains mock-backend code`);
  }
  if (file === entryName) {
    console.log(
      `entry ${file}: ${kb(code.length)} KiB, ${kb(gz)} KiB gzip (budget ${ENTRY_BUDGET_KB})`,
    );
    if (kb(gz) > ENTRY_BUDGET_KB)
      problems.push(`entry is ${kb(gz)} KiB gzip, over ${ENTRY_BUDGET_KB}`);
  }
}
const preloaded = [...html.matchAll(/rel="modulepreload"[^>]*href="\/assets\/([^"]+\.js)"/g)].map(
  (m) => m[1],
);
const initial = [entryName, ...preloaded].reduce(
  (sum, file) => sum + gzipSync(readFileSync(join(dir, file))).length,
  0,
);
console.log(
  `initial JavaScript (entry + ${preloaded.length} modulepreloads): ${kb(initial)} KiB gzip (budget ${INITIAL_BUDGET_KB})`,
);
for (const file of preloaded) {
  if (/recharts|dashboard/.test(file)) problems.push(`${file} is modulepreloaded for every screen`);
}
if (kb(initial) > INITIAL_BUDGET_KB)
  problems.push(`initial JavaScript is ${kb(initial)} KiB gzip, over ${INITIAL_BUDGET_KB}`);
console.log(`all JavaScript: ${kb(total)} KiB gzip (budget ${TOTAL_BUDGET_KB})`);
if (kb(total) > TOTAL_BUDGET_KB)
  problems.push(`JavaScript totals ${kb(total)} KiB gzip, over ${TOTAL_BUDGET_KB}`);
for (const p of problems) console.error(`bundle: ${p}`);
process.exit(problems.length ? 1 : 0);
