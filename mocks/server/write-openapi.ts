// `npm run openapi`: regenerates public/openapi.json from the schemas.
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from '../../src/api/openapi';

export const OPENAPI_FILE = 'public/openapi.json';
writeFileSync(OPENAPI_FILE, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log(`wrote ${OPENAPI_FILE}`);
