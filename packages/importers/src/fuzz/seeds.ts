import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, SAMPLES_ROOT } from '../../test/helpers.ts';
import { detectFormat } from '../registry.ts';

/** Real tool outputs by folder of the shared samples; files over this size are left to the sample tests. */
const SAMPLE_FOLDERS = ['sarif', 'nmap', 'defectdojo', 'smart-contract'] as const;
const MAX_SEED_BYTES = 128 * 1024;

/**
 * Seeds no real sample provides: the manual template has none, and a few shapes keep every format seeded when the
 * samples folder is absent (the repository fixtures cover the rest).
 */
const HAND_WRITTEN: readonly string[] = [
  [
    'id,title,severity,audit_type,asset,location_type,location,description,cwe,status',
    'PT-9,Session fixation,high,intrusion-test,https://app.example.eu,url,https://app.example.eu/login,"Login keeps the session id, so it can be fixed",384,open',
  ].join('\n'),
  '{"SchemaVersion":2,"ArtifactName":"app","Results":[{"Target":"package-lock.json","Vulnerabilities":[{"VulnerabilityID":"CVE-2024-0001","PkgName":"x","InstalledVersion":"1.0.0","Severity":"HIGH","Title":"t"}]}]}',
];

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** One seed document: where it comes from (reported with a failure) and its text. */
export interface Seed {
  readonly origin: string;
  readonly text: string;
}

function formatOf(text: string): string | undefined {
  try {
    return detectFormat(text).name;
  } catch {
    return undefined;
  }
}

/**
 * Every seed by the format its content is detected as: the real samples (when `/work/shared/research/samples`
 * exists), the repository's fixtures and the template, and the hand-written seeds above.
 */
export function seedsByFormat(): ReadonlyMap<string, readonly Seed[]> {
  const files = [
    ...SAMPLE_FOLDERS.flatMap((folder) => walk(join(SAMPLES_ROOT, folder))),
    ...walk(FIXTURES),
    new URL('../../templates/manual-findings.csv', import.meta.url).pathname,
  ].filter((path) => statSync(path).size <= MAX_SEED_BYTES);
  const seeds: Seed[] = [
    ...files.map((path) => ({ origin: path, text: readFileSync(path, 'utf8') })),
    ...HAND_WRITTEN.map((text, i) => ({ origin: `hand-written seed ${i}`, text })),
  ];
  const byFormat = new Map<string, Seed[]>();
  for (const seed of seeds) {
    const format = formatOf(seed.text);
    if (format === undefined) continue;
    byFormat.set(format, [...(byFormat.get(format) ?? []), seed]);
  }
  return byFormat;
}
