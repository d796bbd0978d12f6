// Regenerates schema/*.schema.json from the zod schemas: `npm run -w @mica-audit/catalog schema`.
import { writeFile } from 'node:fs/promises';
import { catalogueJsonSchemas } from './json-schema.ts';

for (const [name, schema] of Object.entries(catalogueJsonSchemas())) {
  const path = new URL(`../schema/${name}.schema.json`, import.meta.url);
  await writeFile(path, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${path.pathname}`);
}
