export * from './model.ts';
export * from './index-catalogue.ts';
