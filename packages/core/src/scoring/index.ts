export * from './scoring.schema.ts';
export * from './score.ts';
export * from './compare.ts';
