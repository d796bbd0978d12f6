// Runs every benchmark module in this folder (or those whose name contains the first argument).
import { readdir } from 'node:fs/promises';

const filter = process.argv[2] ?? '';
const files = (await readdir(new URL('.', import.meta.url)))
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`no benchmark matches "${filter}"`);
  process.exitCode = 2;
}
for (const file of files) {
  console.log(`\n== ${file.replace('.bench.ts', '')} ==`);
  const module = (await import(new URL(file, import.meta.url).href)) as { default: () => Promise<void> };
  await module.default();
}
