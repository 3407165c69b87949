// @vitest-environment node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';

/*
 * The layer rules of .dependency-cruiser.cjs (the ones `npm run check` applies) run here
 * against two small trees laid out like the real one: in `clean/`, every kind of import the
 * layers allow, which must pass; in `offending/`, files whose first line names the rule that
 * must refuse them ("// refused by <rule>: why"), beside plain files they point at.
 */

const here = dirname(fileURLToPath(import.meta.url));
const config: IConfiguration = createRequire(import.meta.url)('../../.dependency-cruiser.cjs');

async function violationsIn(tree: 'clean' | 'offending') {
  const baseDir = join(here, 'fixtures', tree);
  const { tsConfig: _ownTsConfig, exclude: _ownExclude, ...options } = config.options ?? {};
  const { output } = await cruise(['src', 'mocks', 'tests', 'agent'], {
    ...options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden ?? [] },
  });
  const result = output as ICruiseResult;
  const refusedBy = (file: string) =>
    readFileSync(join(baseDir, file), 'utf8').match(/^\/\/ refused by ([\w-]+):/)?.[1];
  return {
    modules: result.modules.map((m) => m.source).filter((s) => !s.includes('node_modules')),
    violations: result.summary.violations.map((v) => ({ file: v.from, rule: v.rule.name })),
    refusedBy,
  };
}

describe('layer boundaries', () => {
  it('let every import the layers allow through', async () => {
    const { modules, violations } = await violationsIn('clean');
    expect(modules.length).toBeGreaterThanOrEqual(20);
    expect(violations).toEqual([]);
  });

  it('refuse each offending file by the rule it names, and nothing else', async () => {
    const { modules, violations, refusedBy } = await violationsIn('offending');
    const expected = modules
      .flatMap((file) => {
        const rule = refusedBy(file);
        return rule ? [{ file, rule }] : [];
      })
      .sort((a, b) => a.file.localeCompare(b.file));
    expect(expected.length).toBeGreaterThanOrEqual(20);
    const found = [...violations].sort((a, b) => a.file.localeCompare(b.file));
    expect(found).toEqual(expected);
  });

  it('have a fixture for every rule in the configuration', async () => {
    const { modules, refusedBy } = await violationsIn('offending');
    const covered = new Set(modules.map(refusedBy));
    expect((config.forbidden ?? []).map((r) => r.name).filter((n) => !covered.has(n))).toEqual([]);
  });
});
