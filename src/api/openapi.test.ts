// @vitest-environment node
import { readFileSync } from 'node:fs';
import { Backend } from '../../mocks/core/backend';
import { buildOpenApiDocument } from './openapi';
import { type OperationName, operationEntries, operations } from './operations';

describe('published OpenAPI document', () => {
  it('matches the schemas (run `npm run openapi` after changing the contract)', () => {
    const committed = JSON.parse(readFileSync('public/openapi.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it('explains each query parameter of a list', () => {
    const doc = buildOpenApiDocument() as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; description?: string }[] }>
      >;
    };
    const params = doc.paths['/audit']?.get?.parameters ?? [];
    expect(params.find((p) => p.name === 'item')?.description).toBe(
      'An item\'s id ("h-4521") or ticket number ("4521" or "#4521").',
    );
    // The shared header parameter is a reference, described once under components.
    for (const p of params.filter((p) => p.name)) expect(p.description, p.name).toBeTruthy();
  });

  it('resolves every reference it makes', () => {
    const doc = buildOpenApiDocument();
    const text = JSON.stringify(doc);
    const refs = [...text.matchAll(/"\$ref":"#\/components\/(schemas|parameters)\/([^"]+)"/g)];
    expect(refs.length).toBeGreaterThan(10);
    for (const [, kind, name] of refs) {
      expect(doc.components[kind as 'schemas' | 'parameters']).toHaveProperty(name as string);
    }
  });

  it('describes every operation of the table, at its method and path', () => {
    const documented = buildOpenApiDocument().paths as Record<string, Record<string, unknown>>;
    for (const [name, op] of operationEntries) {
      expect(documented[op.path]?.[op.method.toLowerCase()], name).toBeDefined();
    }
  });

  it('describes every endpoint the reference backend serves', async () => {
    const backend = await Backend.create({ count: 5 });
    const documented = buildOpenApiDocument().paths as Record<string, Record<string, unknown>>;
    const served = backend.servedOperations;
    expect(served.length).toBeGreaterThan(20);
    for (const name of served) {
      const op = operations[name as OperationName];
      expect(op, `${name} is served but not in the operation table`).toBeDefined();
      expect(documented[op.path]?.[op.method.toLowerCase()], name).toBeDefined();
    }
  });
});
