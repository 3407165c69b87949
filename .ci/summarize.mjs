// Sums the JSON reports of every test suite into the one line CI reads: "N passed, N failed".
// A suite whose report is missing (it never ran, or crashed) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const suites = [
  {
    name: 'unit and component (vitest)',
    file: 'test-results/unit.json',
    read: (r) => [r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests],
  },
  {
    name: 'end-to-end (playwright)',
    file: 'test-results/e2e.json',
    read: (r) => [
      r.stats.expected + (r.stats.flaky ?? 0),
      r.stats.unexpected,
      r.stats.skipped ?? 0,
    ],
  },
];

let passed = 0;
let failed = 0;
let skipped = 0;
for (const suite of suites) {
  if (!existsSync(suite.file)) {
    console.log(`${suite.name}: no report (suite did not run)`);
    failed += 1;
    continue;
  }
  const [p, f, s] = suite.read(JSON.parse(readFileSync(suite.file, 'utf8')));
  console.log(`${suite.name}: ${p} passed, ${f} failed, ${s} skipped`);
  passed += p;
  failed += f;
  skipped += s;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
