export * from './output.ts';
export * from './ciso-assistant.ts';
export * from './oscal-catalog.ts';
export * from './import-file.ts';
