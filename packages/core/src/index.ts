export * from './errors.ts';
export * from './validation/zod-issues.ts';
export * from './profile/index.ts';
export * from './rules/index.ts';
export * from './catalogue/index.ts';
export * from './scoping/index.ts';
