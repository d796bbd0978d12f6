export * from './prudential.schema.ts';
export * from './casp.ts';
export * from './art-issuer.ts';
export * from './significance.ts';
