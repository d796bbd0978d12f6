import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { formatPath } from '@mica-audit/core';
import type { Problem } from './problems.ts';

/** A parsed YAML file that can tell the line of any path in it, for error messages. */
export interface YamlFile {
  readonly file: string;
  readonly value: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** Reads and parses a YAML file; syntax errors come back as problems with their line. */
export async function readYaml(
  absolutePath: string,
  displayName: string,
): Promise<{ file?: YamlFile; problems: Problem[] }> {
  const source = await readFile(absolutePath, 'utf8');
  return parseYaml(source, displayName);
}

/** Parses YAML text; see readYaml. */
export function parseYaml(source: string, displayName: string): { file?: YamlFile; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => ({
        file: displayName,
        path: '',
        message: `YAML syntax: ${error.message.split('\n')[0] ?? error.code}`,
        line: error.linePos?.[0].line,
      })),
    };
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node: unknown = document.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return {
    file: { file: displayName, value: document.toJS({ maxAliasCount: 100 }) as unknown, lineOf },
    problems: [],
  };
}

/** A problem at a path of a YAML file, with its line. */
export function problemAt(file: YamlFile, path: readonly PropertyKey[], message: string): Problem {
  return { file: file.file, path: formatPath(path), message, line: file.lineOf(path) };
}
