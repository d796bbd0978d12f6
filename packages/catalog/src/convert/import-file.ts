import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { DomainError } from '@mica-audit/core';
import { parseYaml } from '../yaml-file.ts';
import { formatProblem } from '../problems.ts';
import { loadCatalogue } from '../load-catalogue.ts';
import { convertCisoAssistant } from './ciso-assistant.ts';
import { convertOscalCatalog } from './oscal-catalog.ts';
import type { ConversionReport, ConvertedLibrary } from './output.ts';

export interface ImportResult {
  readonly report: ConversionReport;
  readonly libraryDir: string;
  readonly files: readonly string[];
  /** Problems the converted library still has when validated (should be none). */
  readonly problems: readonly string[];
}

/** Detects the format of a catalogue file from its content and converts it. */
export function convertCatalogue(
  source: string,
  file: string,
  options: { id?: string } = {},
): ConvertedLibrary {
  const trimmed = source.trimStart();
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch (cause) {
      throw new DomainError(
        'catalog.import_invalid',
        `${file}: invalid JSON: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    }
    if (typeof json === 'object' && json !== null && 'catalog' in json)
      return convertOscalCatalog(json, options);
    throw new DomainError(
      'catalog.import_unknown',
      `${file}: JSON but not an OSCAL catalog (no top-level "catalog"); profiles must be resolved to a catalog first`,
    );
  }
  const { file: yaml, problems } = parseYaml(source, file);
  if (yaml === undefined)
    throw new DomainError('catalog.import_invalid', problems.map(formatProblem).join('; '));
  const value = yaml.value as { objects?: unknown } | null;
  if (typeof value === 'object' && value !== null && 'objects' in value)
    return convertCisoAssistant(value, options);
  throw new DomainError(
    'catalog.import_unknown',
    `${file}: not a CISO Assistant library (no "objects") nor an OSCAL catalog`,
  );
}

/** Converts a catalogue file, writes it as a library folder under `outDir`, and validates the result. */
export async function importCatalogueFile(
  path: string,
  outDir: string,
  options: { id?: string } = {},
): Promise<ImportResult> {
  const converted = convertCatalogue(await readFile(path, 'utf8'), path, options);
  const id = String(converted.library.id);
  const libraryDir = join(outDir, 'libraries', id);
  await mkdir(libraryDir, { recursive: true });
  const files = [join(libraryDir, 'library.yaml'), join(libraryDir, 'nodes.yaml')];
  await writeFile(files[0] as string, stringify(converted.library, { lineWidth: 0 }));
  await writeFile(files[1] as string, stringify({ nodes: converted.nodes }, { lineWidth: 0 }));
  if (converted.mappings.length > 0) {
    await mkdir(join(outDir, 'mappings'), { recursive: true });
    for (const mapping of converted.mappings) {
      const mappingFile = join(outDir, 'mappings', `${mapping.urn.split(':').pop() ?? 'mapping'}.yaml`);
      await writeFile(mappingFile, stringify(mapping, { lineWidth: 0 }));
      files.push(mappingFile);
    }
  }
  const check = await loadCatalogue(libraryDir);
  return { report: converted.report, libraryDir, files, problems: check.problems.map(formatProblem) };
}
