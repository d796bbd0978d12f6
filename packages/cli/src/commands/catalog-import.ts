import { resolve } from 'node:path';
import { importCatalogueFile } from '@mica-audit/catalog';
import { DomainError } from '@mica-audit/core';
import { EXIT, type Command } from '../command.ts';
import { printJson } from '../io-helpers.ts';

export const catalogImportCommand: Command = {
  name: 'catalog import',
  summary:
    'Convert a CISO Assistant library (YAML) or an OSCAL catalog (JSON) into a mica-audit library folder',
  usage: 'mica-audit catalog import FILE [--out DIR] [--id ID] [--json]',
  examples: [
    'mica-audit catalog import dora.yaml --out ./my-catalogue',
    'mica-audit catalog import basic-catalog.json --id nist-basic --json',
  ],
  options: { out: { type: 'string' }, id: { type: 'string' }, json: { type: 'boolean' } },
  optionHelp: [
    'FILE       a CISO Assistant library or mapping set, or an OSCAL 1.x catalog; the format is detected from the content',
    '--out DIR  catalogue root to write into (libraries/<id>/, mappings/); default ./imported-catalogue',
    '--id ID    library id to use (default: derived from the source)',
    '--json     print { format, nodes, assessable, mappings, unmapped, libraryDir, files, problems }',
  ],
  positionals: { min: 1, max: 1 },
  async run({ io, values, positionals }) {
    const file = resolve(io.cwd, positionals[0] ?? '');
    const out = resolve(io.cwd, typeof values.out === 'string' ? values.out : 'imported-catalogue');
    if (
      values.id !== undefined &&
      (typeof values.id !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/.test(values.id))
    ) {
      throw new DomainError('cli.usage', '--id must be lowercase ASCII: letters a-z, digits and . _ -');
    }
    const result = await importCatalogueFile(
      file,
      out,
      typeof values.id === 'string' ? { id: values.id } : {},
    );
    if (values.json === true) {
      printJson(io, {
        ...result.report,
        libraryDir: result.libraryDir,
        files: result.files,
        problems: result.problems,
      });
    } else {
      const r = result.report;
      io.stdout(
        `${r.format}: ${r.nodes} nodes (${r.assessable} assessable), ${r.mappings} mappings → ${result.libraryDir}\n`,
      );
      if (r.unmapped.length > 0)
        io.stdout(`Not mapped:\n${r.unmapped.map((line) => `  - ${line}`).join('\n')}\n`);
      for (const problem of result.problems) io.stdout(`problem: ${problem}\n`);
    }
    return result.problems.length === 0 ? EXIT.ok : EXIT.problems;
  },
};
