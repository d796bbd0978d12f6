export * from './rule.types.ts';
export * from './parser.ts';
export * from './evaluate.ts';
export * from './format-rule.ts';
