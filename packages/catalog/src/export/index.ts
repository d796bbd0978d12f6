export * from './uuid.ts';
export * from './oscal-catalog-export.ts';
