/*
 * The layer boundaries, checked by `npm run check` (depcruise resolves every import, relative
 * ones included, so `../../audit/x` is caught as surely as a path alias would be).
 *
 * Direction: app → routes → features → {components, lib, hooks, stores, api, domain}.
 * The mock backend (mocks/) stands beside the app: it may use the contract (src/api) and the
 * domain rules (src/domain), nothing else of src/, and the app reaches it only through the
 * demo-mode dynamic import in src/main.tsx.
 *
 * One rule per layer lists everything that layer must not import; rules add up, none replaces
 * another. Exceptions, and why:
 * - Test files (`*.test.ts(x)`) may import mocks/ (MSW handlers, the seeded world, backend test
 *   kits) and tests/ (shared kits); they still obey every other rule of their layer.
 * - src/main.tsx is the one production file that may import mocks/, and only lazily (a dynamic
 *   import behind the demo flag keeps the mock backend out of the production bundle).
 * - Type-only imports count like any other: a type from the wrong layer is still a dependency.
 *
 * tests/boundaries/boundaries.test.ts runs these very rules against small offending fixtures,
 * one per rule, so a rule that stops biting fails the tests.
 */

const TEST_FILE = '\\.test\\.tsx?$';
/** Test-only code: the tests folder, test files, and the test kits kept beside the backend. */
const TEST_CODE = ['^tests/', TEST_FILE, '(^|/)test-[a-z-]+\\.tsx?$'];
const REACT = 'node_modules/(@types/)?react(-dom)?/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles (type-only ones too) tangle layers; share code one level down.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'app-not-mocks',
      comment:
        'src/ never imports the mock backend; only src/main.tsx may, lazily, behind the demo flag.',
      severity: 'error',
      from: { path: '^src/', pathNot: [TEST_FILE, '^src/main\\.tsx$'] },
      to: { path: '^mocks/' },
    },
    {
      name: 'demo-entry-imports-mocks-lazily',
      comment: 'src/main.tsx loads the mock backend with a dynamic import, so production omits it.',
      severity: 'error',
      from: { path: '^src/main\\.tsx$' },
      to: { path: '^mocks/', dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'production-not-test-code',
      comment: 'Production code never imports tests, test files or test kits.',
      severity: 'error',
      from: { path: '^(src|mocks)/', pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
    {
      name: 'routes-layer',
      comment: 'Routes compose features; they never import the composition root (src/app).',
      severity: 'error',
      from: { path: '^src/routes/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'features-layer',
      comment:
        'A feature never imports routes, the app, or another feature: compose features in a ' +
        'route, or move what they share down to components, lib, hooks, stores or domain.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: {
        path: ['^src/(routes|app)/', '^src/routeTree\\.gen\\.ts$', '^src/features/'],
        pathNot: '^src/features/$1/',
      },
    },
    {
      name: 'shared-ui-layer',
      comment: 'components, lib, hooks and stores sit below the features: they never import up.',
      severity: 'error',
      from: { path: '^src/(components|lib|hooks|stores)/' },
      to: {
        path: ['^src/(features|routes|app)/', '^src/routeTree\\.gen\\.ts$', '^src/main\\.tsx$'],
      },
    },
    {
      name: 'domain-api-layer',
      comment:
        'The contract (src/api) and the domain rules (src/domain) are UI-free: no React, no ' +
        'app code above them. (Their test files may use mocks/ for seeded data.)',
      severity: 'error',
      from: { path: '^src/(api|domain)/' },
      to: {
        path: [
          '^src/(app|routes|features|components|hooks|stores|lib|styles)/',
          '^src/(main\\.tsx|routeTree\\.gen\\.ts)$',
          REACT,
        ],
      },
    },
    {
      name: 'mocks-layer',
      comment:
        'The mock backend uses only the contract and the domain rules of src/ (plus its own ' +
        'files, node builtins and packages), and no React.',
      severity: 'error',
      from: { path: '^mocks/' },
      to: { path: ['^src/', REACT], pathNot: '^src/(api|domain)/' },
    },
    {
      name: 'core-not-reviser',
      comment:
        'The backend core never revises a draft itself: a redirect waits for the agent that ' +
        'owns the item (the built-in AI included) to answer over the agent API.',
      severity: 'error',
      from: { path: '^mocks/core/' },
      to: { path: '^mocks/ai/reviser/' },
    },
    {
      name: 'core-not-arrival-writer',
      comment:
        'Tickets arrive from agents over the agent API (the demo floor’s from the built-in ' +
        'agent): no job or other part of the core writes one from the seed’s case writer or ' +
        'reaches into the agent. The one exception is the arrivals endpoint a person calls ' +
        '(POST /handoffs/arrivals without a ticket), through policy/generate-arrival.ts; tests may ' +
        'write tickets too.',
      severity: 'error',
      from: {
        path: '^mocks/core/',
        // Tests may write tickets the way an agent would, to check what arriving traffic does.
        pathNot: ['^mocks/core/policy/(routes|generate-arrival)\\.ts$', '\\.test\\.ts$'],
      },
      to: {
        path: ['^mocks/seed/case\\.ts$', '^mocks/core/policy/generate-arrival\\.ts$', '^agent/'],
      },
    },
    {
      name: 'agent-over-the-sdk',
      comment:
        'The reference agent reaches the desk only through the SDK: it may use the AI ' +
        '(mocks/ai, mocks/seed) and the contract and rules, never the backend itself.',
      severity: 'error',
      from: { path: '^agent/' },
      to: {
        path: ['^src/', '^mocks/', REACT],
        pathNot: ['^src/(api|domain)/', '^mocks/(ai|seed)/'],
      },
    },
    {
      name: 'radix-only-in-ui-wrappers',
      comment: 'radix-ui is reached only through our wrappers in src/components/ui.',
      severity: 'error',
      from: { pathNot: '^src/components/ui/' },
      to: { path: 'node_modules/radix-ui/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The boundary test's fixtures break the rules on purpose; that test checks them.
    exclude: {
      path: ['^(dist|dist-demo|test-results|playwright-report)/', '^tests/boundaries/fixtures/'],
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
