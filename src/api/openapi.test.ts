// @vitest-environment node
import { readFileSync } from 'node:fs';
import { buildOpenApiDocument } from './openapi';

describe('published OpenAPI document', () => {
  it('matches the schemas (run `npm run openapi` after changing the contract)', () => {
    const committed = JSON.parse(readFileSync('public/openapi.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
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

  it('describes every endpoint the client calls', () => {
    const paths = Object.keys(buildOpenApiDocument().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/handoffs',
        '/handoffs/claim-next',
        '/handoffs/{id}',
        '/handoffs/{id}/events',
        '/handoffs/{id}/claim',
        '/handoffs/{id}/release',
        '/handoffs/{id}/draft',
        '/handoffs/{id}/decisions',
        '/me',
        '/users',
        '/events',
        '/handoffs/arrivals',
        '/policy',
        '/policy/what-if',
        '/policy/changes',
        '/policy/changes/{id}/rollback',
        '/ladder',
      ]),
    );
  });
});
