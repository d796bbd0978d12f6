export * from './scope.ts';
export * from './scope-json.ts';
