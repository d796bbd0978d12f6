export * from './actions.schema.ts';
export * from './sources.ts';
export * from './plan.ts';
export * from './dependencies.ts';
export * from './edit.ts';
export * from './regenerate.ts';
export * from './views.ts';
