import { readFile } from 'node:fs/promises';
import type { BuildContext } from '../../build.ts';
import { importError } from '../../errors.ts';
import type { Asset, Finding } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { assertNoEntityDeclarations, attr, child, parseXml, validateXml } from '../../util/xml.ts';
import { mapHost } from './map.ts';

/**
 * Nmap XML, host by host: the document is validated once (line numbers stay exact), then each `<host>` element is
 * cut out and parsed on its own, so a 20,000-host scan never becomes one object tree.
 */
export function parseNmap(content: string, options: ParseOptions): ParsedFile {
  assertNoEntityDeclarations(content, 'nmap');
  validateXml(content, 'nmap');
  const start = content.search(/<nmaprun[\s>]/);
  if (start === -1)
    throw importError('import.malformed', 'nmap: no <nmaprun> element; export the scan with -oX.');
  const openTag = content.slice(start, content.indexOf('>', start) + 1);
  const run = child(parseXml(`${openTag}</nmaprun>`, 'nmap', { validated: true }), 'nmaprun');
  const version = attr(run, 'version');
  const ctx: BuildContext = {
    tool: 'Nmap',
    now: options.now,
    ...(version === undefined ? {} : { toolVersion: version }),
  };
  const findings: Finding[] = [];
  const assets: Asset[] = [];
  const re = /<host[\s>]/g;
  re.lastIndex = start;
  for (let m = re.exec(content); m !== null; m = re.exec(content)) {
    const end = content.indexOf('</host>', m.index);
    if (end === -1) break;
    const fragment = content.slice(m.index, end + '</host>'.length);
    const node = child(parseXml(fragment, 'nmap', { validated: true }), 'host');
    if (node !== undefined) {
      const mapped = mapHost(node, ctx);
      findings.push(...mapped.findings);
      assets.push(...mapped.assets);
    }
    // Characters, not bytes: close enough for a progress bar over a mostly ASCII file.
    options.onProgress?.(end, findings.length);
    re.lastIndex = end;
  }
  return { tool: 'Nmap', ...(version === undefined ? {} : { toolVersion: version }), findings, assets };
}

export async function parseNmapFile(path: string, options: ParseOptions): Promise<ParsedFile> {
  return parseNmap(await readFile(path, 'utf8'), options);
}
