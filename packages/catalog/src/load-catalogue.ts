import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { DomainError, type Catalogue, type Domain, type Library, type Mapping } from '@mica-audit/core';
import { buildLibrary, type PlacedAct, type PlacedNode } from './build-library.ts';
import { checkMappings } from './check-mappings.ts';
import {
  domainsFileSchema,
  libraryFileSchema,
  mappingFileSchema,
  nodeFileSchema,
  type MappingFile,
} from './library.schema.ts';
import { formatProblem, type Problem } from './problems.ts';
import { problemAt, readYaml, type YamlFile } from './yaml-file.ts';

/** The catalogue shipped with mica-audit: libraries/, mappings/ and domains.yaml beside this package's src/. */
export const BUNDLED_CATALOGUE = fileURLToPath(new URL('..', import.meta.url));

export interface LoadResult {
  readonly catalogue: Catalogue;
  readonly problems: readonly Problem[];
  /** Files read, relative to the root. */
  readonly files: readonly string[];
}

async function yamlFilesIn(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(dir, entry.name))
    .sort();
}

class Reader {
  readonly problems: Problem[] = [];
  readonly files: string[] = [];
  private readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  /** Reads a YAML file and validates it against a schema; problems are collected, never thrown. */
  async read<S extends z.ZodType>(
    path: string,
    schema: S,
  ): Promise<{ file: YamlFile; value: z.output<S> } | undefined> {
    const display = relative(this.root, path) || basename(path);
    this.files.push(display);
    const { file, problems } = await readYaml(path, display);
    this.problems.push(...problems);
    if (file === undefined) return undefined;
    const result = schema.safeParse(file.value ?? {});
    if (!result.success) {
      for (const issue of result.error.issues) this.problems.push(problemAt(file, issue.path, issue.message));
      return undefined;
    }
    return { file, value: result.data };
  }
}

async function readLibrary(
  reader: Reader,
  dir: string,
  domains: ReadonlySet<string>,
): Promise<Library | undefined> {
  const meta = await reader.read(join(dir, 'library.yaml'), libraryFileSchema);
  const nodes: PlacedNode[] = [];
  const acts: PlacedAct[] = (meta?.value.acts ?? []).map((act, i) => ({
    act,
    file: meta!.file,
    path: ['acts', i],
  }));
  for (const path of await yamlFilesIn(dir)) {
    if (basename(path) === 'library.yaml') continue;
    const part = await reader.read(path, nodeFileSchema);
    if (part === undefined) continue;
    part.value.nodes.forEach((entry, index) => nodes.push({ entry, file: part.file, index }));
    part.value.acts.forEach((act, i) => acts.push({ act, file: part.file, path: ['acts', i] }));
  }
  if (meta === undefined) return undefined;
  return buildLibrary({ meta: meta.value, metaFile: meta.file, nodes, acts }, domains, reader.problems);
}

async function readDomains(reader: Reader, root: string): Promise<Domain[]> {
  const own = join(root, 'domains.yaml');
  const path = existsSync(own) ? own : join(BUNDLED_CATALOGUE, 'domains.yaml');
  const parsed = await reader.read(path, domainsFileSchema);
  return (parsed?.value.domains ?? []).map((d) => ({ id: d.id, name: { en: d.en, fr: d.fr } }));
}

/**
 * Loads and checks a catalogue folder: either a root with libraries/<id>/ and mappings/, or a single library folder
 * (one with a library.yaml). Returns every problem found; the catalogue is usable only when there are none.
 */
export async function loadCatalogue(root: string = BUNDLED_CATALOGUE): Promise<LoadResult> {
  const reader = new Reader(root);
  if (!existsSync(root))
    throw new DomainError(
      'catalog.not_found',
      `no catalogue folder at ${root}; give a folder holding libraries/ or a library.yaml`,
      { kind: 'not_found' },
    );
  const domains = await readDomains(reader, root);
  const domainIds = new Set(domains.map((d) => d.id));
  const single = existsSync(join(root, 'library.yaml'));
  const libraryDirs: string[] = single ? [root] : [];
  if (!single && existsSync(join(root, 'libraries'))) {
    const entries = await readdir(join(root, 'libraries'), { withFileTypes: true });
    for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      const dir = join(root, 'libraries', entry.name);
      if (existsSync(join(dir, 'library.yaml'))) libraryDirs.push(dir);
    }
  }
  if (libraryDirs.length === 0) {
    throw new DomainError(
      'catalog.empty',
      `no library found in ${root}; expected libraries/<id>/library.yaml or a library.yaml`,
      { kind: 'not_found' },
    );
  }
  const libraries: Library[] = [];
  for (const dir of libraryDirs) {
    const library = await readLibrary(reader, dir, domainIds);
    if (library !== undefined) libraries.push(library);
  }
  const mappingFiles: { file: YamlFile; value: MappingFile }[] = [];
  for (const path of single ? [] : await yamlFilesIn(join(root, 'mappings'))) {
    const parsed = await reader.read(path, mappingFileSchema);
    if (parsed !== undefined) mappingFiles.push(parsed);
  }
  const mappings: Mapping[] = checkMappings(libraries, mappingFiles, reader.problems);
  checkUniqueAcrossLibraries(libraries, reader);
  return { catalogue: { libraries, mappings, domains }, problems: reader.problems, files: reader.files };
}

function checkUniqueAcrossLibraries(libraries: readonly Library[], reader: Reader): void {
  const owners = new Map<string, string>();
  for (const library of libraries) {
    for (const key of [`id:${library.id}`, `urn:${library.urn}`]) {
      const owner = owners.get(key);
      if (owner !== undefined)
        reader.problems.push({
          file: `libraries/${library.id}/library.yaml`,
          path: key.split(':')[0] ?? '',
          message: `same ${key.split(':')[0]} as library ${owner}`,
        });
      owners.set(key, library.id);
    }
  }
}

/** Loads a catalogue and throws `catalog.invalid` listing the problems if there are any. */
export async function loadValidCatalogue(root: string = BUNDLED_CATALOGUE): Promise<Catalogue> {
  const result = await loadCatalogue(root);
  if (result.problems.length > 0) {
    const lines = result.problems.map(formatProblem);
    throw new DomainError(
      'catalog.invalid',
      `the catalogue at ${root} has ${lines.length} problem(s); run \`mica-audit catalog validate ${root}\` to list them. First: ${lines[0] ?? ''}`,
      { details: lines },
    );
  }
  return result.catalogue;
}
