export * from './matrix.ts';
export * from './risk.schema.ts';
export * from './register.ts';
