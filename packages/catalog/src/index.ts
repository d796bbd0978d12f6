export * from './library.schema.ts';
export * from './problems.ts';
export * from './yaml-file.ts';
export * from './load-catalogue.ts';
export * from './json-schema.ts';
export * from './stats.ts';
export * from './convert/index.ts';
export * from './export/index.ts';
