import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { catalogueJsonSchemas } from './json-schema.ts';

describe('JSON Schema export', () => {
  it('matches the committed schema files (run `npm run -w @mica-audit/catalog schema` after changing the zod schema)', async () => {
    for (const [name, schema] of Object.entries(catalogueJsonSchemas())) {
      const committed: unknown = JSON.parse(
        await readFile(new URL(`../schema/${name}.schema.json`, import.meta.url), 'utf8'),
      );
      expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it('describes the node fields and their constraints', () => {
    const nodes = catalogueJsonSchemas().nodes as {
      properties: { nodes: { items: { required: string[]; properties: Record<string, unknown> } } };
    };
    const item = nodes.properties.nodes.items;
    expect(item.required).toEqual(expect.arrayContaining(['urn', 'ref', 'title', 'assessable']));
    expect(Object.keys(item.properties)).toEqual(
      expect.arrayContaining([
        'source',
        'level2',
        'applicability',
        'exemptions',
        'evidence',
        'questions',
        'domains',
        'translations',
      ]),
    );
  });
});
