import type { Library, Mapping } from '@mica-audit/core';
import type { MappingFile } from './library.schema.ts';
import type { Problem } from './problems.ts';
import { problemAt, type YamlFile } from './yaml-file.ts';

/** Checks that both ends of every mapping are assessable requirements of the named libraries. */
export function checkMappings(
  libraries: readonly Library[],
  files: readonly { file: YamlFile; value: MappingFile }[],
  problems: Problem[],
): Mapping[] {
  const assessable = new Map<string, string>();
  for (const library of libraries) {
    for (const node of library.nodes) if (node.assessable) assessable.set(node.urn, library.urn);
  }
  const libraryUrns = new Set(libraries.map((l) => l.urn));
  const mappings: Mapping[] = [];
  for (const { file, value } of files) {
    for (const key of ['source', 'target'] as const) {
      if (!libraryUrns.has(value[key]))
        problems.push(problemAt(file, [key], `no library "${value[key]}" is loaded`));
    }
    value.mappings.forEach((mapping, index) => {
      let ok = true;
      for (const [end, library] of [
        ['from', value.source],
        ['to', value.target],
      ] as const) {
        const owner = assessable.get(mapping[end]);
        if (owner === undefined) {
          problems.push(
            problemAt(file, ['mappings', index, end], `no assessable requirement "${mapping[end]}"`),
          );
          ok = false;
        } else if (owner !== library) {
          problems.push(problemAt(file, ['mappings', index, end], `belongs to ${owner}, not to ${library}`));
          ok = false;
        }
      }
      if (ok) mappings.push(mapping);
    });
  }
  return mappings;
}
