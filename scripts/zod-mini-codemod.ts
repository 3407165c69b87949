/**
 * Rewrites classic zod (`import { z } from 'zod'`, method chains) into zod/mini's functional
 * form, which is what the contract is written in: the client bundle then carries only the parts
 * of zod it uses. The type checker tells which calls are zod's and what kind of schema each
 * receiver is (`.min()` is `minLength` on text and arrays, `gte` on numbers).
 *
 *   npx tsx scripts/zod-mini-codemod.ts src/api/team-schemas.ts   # the files named
 *   npx tsx scripts/zod-mini-codemod.ts                           # every file of the project
 *
 * Then `npx biome check --write` the files and `npx tsc --noEmit -p .`. What it cannot rewrite
 * it names on stderr (e.g. `.strict()`: write `z.strictObject(schema.shape)`).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const only = new Set(process.argv.slice(2).map((f) => resolve(root, f)));
const config = ts.readConfigFile(resolve(root, 'tsconfig.json'), ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
const program = ts.createProgram(parsed.fileNames, parsed.options);
const checker = program.getTypeChecker();

/** Methods zod/mini schemas keep. */
const kept = new Set([
  'parse',
  'safeParse',
  'parseAsync',
  'safeParseAsync',
  'check',
  'apply',
  'brand',
  'register',
  'clone',
]);
/** `s.m()` → `z.f(s)` and `s.m(a)` → `z.f(s, a)`. */
const wrappers: Record<string, string> = {
  optional: 'optional',
  nullable: 'nullable',
  nullish: 'nullish',
  array: 'array',
  readonly: 'readonly',
  nonoptional: 'nonoptional',
  keyof: 'keyof',
  default: '_default',
  catch: 'catch',
  prefault: 'prefault',
  extend: 'extend',
  safeExtend: 'safeExtend',
  pick: 'pick',
  omit: 'omit',
  partial: 'partial',
  required: 'required',
  merge: 'merge',
  pipe: 'pipe',
  catchall: 'catchall',
  and: 'intersection',
};
/** `s.m(a)` → `s.check(z.f(a))`, by the kind of schema. */
const lengthChecks: Record<string, string> = {
  min: 'minLength',
  max: 'maxLength',
  length: 'length',
  nonempty: 'minLength',
  trim: 'trim',
  toLowerCase: 'toLowerCase',
  toUpperCase: 'toUpperCase',
  startsWith: 'startsWith',
  endsWith: 'endsWith',
  includes: 'includes',
  regex: 'regex',
  lowercase: 'lowercase',
  uppercase: 'uppercase',
  normalize: 'normalize',
  email: 'email',
  datetime: 'iso.datetime',
};
const numberChecks: Record<string, string> = {
  min: 'gte',
  max: 'lte',
  gte: 'gte',
  lte: 'lte',
  gt: 'gt',
  lt: 'lt',
  positive: 'positive',
  nonnegative: 'nonnegative',
  negative: 'negative',
  nonpositive: 'nonpositive',
  multipleOf: 'multipleOf',
  step: 'multipleOf',
  int: 'int',
};
const anyChecks: Record<string, string> = {
  refine: 'refine',
  superRefine: 'superRefine',
  describe: 'describe',
  meta: 'meta',
};
/** Type names: `z.ZodType` → `z.ZodMiniType`, except these. */
const typeNames: Record<string, string> = {
  ZodError: 'core.$ZodError',
  ZodIssue: 'core.$ZodIssue',
  ZodTypeAny: 'ZodMiniType',
  ZodRawShape: 'core.$ZodShape',
};

/** A rewritten expression; a chain of checks is kept apart so consecutive ones share a `.check()`. */
interface Out {
  text: string;
  base?: string;
  checks?: string[];
}

const unhandled: string[] = [];
const render = (o: Out) => (o.checks?.length ? `${o.base}.check(${o.checks.join(', ')})` : o.text);

const declaredByZod = (symbol: ts.Symbol | undefined) => {
  const file = symbol?.declarations?.[0]?.getSourceFile().fileName ?? '';
  return /node_modules\/zod\/v4\/(classic|core)\//.test(file);
};
const schemaKind = (node: ts.Expression) => {
  const type = checker.getTypeAtLocation(node);
  return (type.aliasSymbol ?? type.getSymbol())?.getName() ?? '';
};

function zodCall(node: ts.CallExpression, access: ts.PropertyAccessExpression, sf: ts.SourceFile) {
  const method = access.name.text;
  const kind = schemaKind(access.expression).replace(/^ZodMini/, 'Zod');
  const recv = rewrite(access.expression, sf);
  const r = render(recv);
  const a = node.arguments.map((arg) => render(rewrite(arg, sf))).join(', ');
  const check = (c: string): Out =>
    recv.checks?.length
      ? { text: '', base: recv.base ?? r, checks: [...recv.checks, c] }
      : { text: '', base: r, checks: [c] };
  const wrapper = wrappers[method];
  if (wrapper) return { text: `z.${wrapper}(${r}${a ? `, ${a}` : ''})` };
  if (method === 'exclude') return { text: `enumWithout(${r}, ${a})` };
  if (method === 'or') return { text: `z.union([${r}, ${a}])` };
  if (method === 'transform') return { text: `z.pipe(${r}, z.transform(${a}))` };
  const any = anyChecks[method];
  if (any) return check(`z.${any}(${a})`);
  const num = numberChecks[method];
  if (/^Zod(Coerced)?Number/.test(kind) && num) {
    if (method === 'int' && r === 'z.number()' && !a) return { text: 'z.int()' };
    return check(`z.${num}(${a})`);
  }
  const len = lengthChecks[method];
  if (/^Zod(String|Email|StringFormat|Array|Set|URL|UUID|ISO)/.test(kind) && len) {
    return check(method === 'nonempty' ? 'z.minLength(1)' : `z.${len}(${a})`);
  }
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  unhandled.push(`${sf.fileName}:${line + 1}: .${method}() on ${kind}`);
  return null;
}

function rewrite(node: ts.Node, sf: ts.SourceFile): Out {
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const access = node.expression;
    const onNamespace = ts.isIdentifier(access.expression) && access.expression.text === 'z';
    if (onNamespace && access.name.text === 'preprocess' && node.arguments.length === 2) {
      const [fn, schema] = node.arguments.map((arg) => render(rewrite(arg, sf)));
      return { text: `z.pipe(z.transform(${fn}), ${schema})` };
    }
    const symbol = checker.getSymbolAtLocation(access.name);
    const kind = schemaKind(access.expression);
    // A classic method, or one called on a schema already in zod/mini (from a file rewritten
    // before this one), which the checker cannot resolve.
    const classic = declaredByZod(symbol) && /^Zod/.test(kind);
    const onMini = !symbol && /^ZodMini/.test(kind);
    if (!onNamespace && !kept.has(access.name.text) && (classic || onMini)) {
      const out = zodCall(node, access, sf);
      if (out) return out;
    }
  }
  if (ts.isQualifiedName(node) && ts.isIdentifier(node.left) && node.left.text === 'z') {
    const name = node.right.text;
    if (typeNames[name]) return { text: `z.${typeNames[name]}` };
    if (/^Zod[A-Z]/.test(name) && !name.startsWith('ZodMini')) {
      return { text: `z.ZodMini${name.slice(3)}` };
    }
  }
  const start = ts.isSourceFile(node) ? 0 : node.getStart(sf);
  let text = '';
  let pos = start;
  for (const child of node.getChildren(sf)) {
    if (child.getWidth(sf) === 0) continue;
    const childStart = child.getStart(sf);
    const out = render(rewrite(child, sf));
    if (out !== sf.text.slice(childStart, child.getEnd())) {
      text += sf.text.slice(pos, childStart) + out;
      pos = child.getEnd();
    }
  }
  return { text: text + sf.text.slice(pos, node.getEnd()) };
}

for (const sf of program.getSourceFiles()) {
  if (sf.fileName.includes('/node_modules/') || !sf.fileName.startsWith(root)) continue;
  if (only.size && !only.has(sf.fileName)) continue;
  const before = sf.text;
  let after = render(rewrite(sf, sf));
  if (after === before && !/from 'zod';/.test(before)) continue;
  after = after.replace(/from 'zod';/g, "from 'zod/mini';");
  const importsZ = /import (type )?\{[^}]*\bz\b[^}]*\} from 'zod\/mini'/.test(after);
  if (!importsZ && /\bz\.[a-z_]/.test(after)) after = `import { z } from 'zod/mini';\n${after}`;
  const code = after.replace(/^import.*$/gm, '');
  if (/import type \{ z \} from 'zod\/mini'/.test(after) && /\bz\.[a-z_]/.test(code)) {
    after = after.replace("import type { z } from 'zod/mini'", "import { z } from 'zod/mini'");
  }
  if (
    /\benumWithout\(/.test(code) &&
    !/\benumWithout\b/.test(after.match(/^import.*$/gm)?.join('\n') ?? '')
  ) {
    unhandled.push(`${sf.fileName}: import enumWithout from src/api/zod-config`);
  }
  if (after !== before) {
    writeFileSync(sf.fileName, after);
    console.log(`rewrote ${sf.fileName.slice(root.length + 1)}`);
  }
}
for (const line of unhandled) console.error(line);
