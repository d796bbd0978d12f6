import { z } from 'zod';
import { libraryFileSchema, mappingFileSchema, nodeFileSchema } from './library.schema.ts';

/** JSON Schemas of the three catalogue file kinds, generated from the zod schemas (the authority). */
export function catalogueJsonSchemas(): Record<'library' | 'nodes' | 'mapping', unknown> {
  const options = { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' } as const;
  return {
    library: {
      ...z.toJSONSchema(libraryFileSchema, options),
      title: 'mica-audit requirement library (library.yaml)',
    },
    nodes: {
      ...z.toJSONSchema(nodeFileSchema, options),
      title: 'mica-audit requirement nodes (a node file of a library)',
    },
    mapping: {
      ...z.toJSONSchema(mappingFileSchema, options),
      title: 'mica-audit mapping between two libraries',
    },
  };
}
