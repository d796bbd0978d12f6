import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DomainError, isDomainError } from '@mica-audit/core';
import { importFile, loadMappingRules } from '@mica-audit/importers';
import { EXIT, type Command } from '../command.ts';
import { printJson } from '../io-helpers.ts';

/** One line of the documented `import --dry-run --json` contract. */
interface DryRunEntry {
  readonly file: string;
  readonly format: string | null;
  readonly tool: string | null;
  readonly findings: number;
  readonly assets: number;
  readonly errors: string[];
}

const MB = 1024 * 1024;

export const importCommand: Command = {
  name: 'import',
  summary: 'Detect, parse and normalise security tool outputs (SARIF, Nmap, Trivy, ZAP, …) into findings',
  usage: 'mica-audit import FILE... --dry-run [--json] [--max-mb N]',
  examples: [
    'mica-audit import scan.sarif nmap.xml --dry-run',
    'mica-audit import reports/*.json --dry-run --json',
  ],
  options: {
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    engagement: { type: 'string' },
    'max-mb': { type: 'string' },
  },
  optionHelp: [
    'FILE...        tool outputs; the format is detected from the content, never from the name',
    '--dry-run      parse and check only, touching no database',
    '--json         print [{ file, format, tool, findings, assets, errors }], one entry per file',
    '--max-mb N     refuse files larger than N MiB (default 512)',
    '--engagement   store into an engagement: needs the workspace server (see README); use --dry-run meanwhile',
  ],
  positionals: { min: 1, max: 10_000 },
  async run({ io, values, positionals }) {
    if (values['dry-run'] !== true) {
      throw new DomainError(
        'cli.usage',
        values.engagement === undefined
          ? 'give --dry-run to check files (storing findings into an engagement goes through the workspace server)'
          : 'storing findings into an engagement goes through the workspace server, which this command line does not reach yet; use --dry-run to check the files',
      );
    }
    const maxMb = values['max-mb'] === undefined ? 512 : Number(values['max-mb']);
    if (!Number.isFinite(maxMb) || maxMb <= 0)
      throw new DomainError('cli.usage', '--max-mb must be a positive number');
    const mappingRules = await loadMappingRules();
    const entries: DryRunEntry[] = [];
    for (const file of positionals) {
      const path = resolve(io.cwd, file);
      const started = performance.now();
      if (io.isTTY) {
        const size = await stat(path).then(
          (s) => s.size,
          () => 0,
        );
        io.stderr(`importing ${file} (${(size / MB).toFixed(1)} MiB)…\n`);
      }
      try {
        const result = await importFile(path, { maxBytes: maxMb * MB, mappingRules });
        entries.push({
          file,
          format: result.format,
          tool: result.tool,
          findings: result.findings.length,
          assets: result.assets.length,
          errors: [],
        });
        if (io.isTTY)
          io.stderr(
            `  ${result.findings.length} findings in ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
          );
      } catch (error) {
        const message = isDomainError(error)
          ? error.message
          : error instanceof Error && 'code' in error
            ? `${String(error.code)}: ${error.message}`
            : String(error);
        entries.push({ file, format: null, tool: null, findings: 0, assets: 0, errors: [message] });
        io.stderr(`mica-audit import: ${file}: ${message.split('\n')[0] ?? message}\n`);
      }
    }
    if (values.json === true) printJson(io, entries);
    else
      for (const e of entries)
        if (e.errors.length === 0)
          io.stdout(
            `${e.file}: ${e.format ?? '?'} (${e.tool ?? '?'}), ${e.findings} findings, ${e.assets} assets\n`,
          );
    return entries.some((e) => e.errors.length > 0) ? EXIT.invalid : EXIT.ok;
  },
};
