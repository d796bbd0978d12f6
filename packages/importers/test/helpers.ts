import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Real tool outputs kept outside the repository (`/work/shared/research/samples`); tests skip when absent. */
export const SAMPLES_ROOT = fileURLToPath(new URL('../../../../shared/research/samples/', import.meta.url));

export function sampleDir(sub: string): string {
  return `${SAMPLES_ROOT}${sub}/`;
}

export function hasSamples(sub: string): boolean {
  return existsSync(sampleDir(sub));
}

/** File names of a sample folder (empty when the folder is absent). */
export function sampleFiles(sub: string, filter: (name: string) => boolean = () => true): string[] {
  return hasSamples(sub) ? readdirSync(sampleDir(sub)).filter(filter).sort() : [];
}

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

export const NOW = '2026-01-01T00:00:00.000Z';
export const LATER = '2026-02-01T00:00:00.000Z';
