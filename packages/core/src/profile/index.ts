export * from './facts.ts';
export * from './vocabulary.ts';
export * from './profile.schema.ts';
export * from './parse-profile.ts';
export * from './notification.ts';
export * from './fact-labels.ts';
