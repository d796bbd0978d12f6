import { resolve } from 'node:path';
import { DomainError } from '@mica-audit/core';
import { FORMATS, loadDemoSnapshot, writeDeliverables, type ReportFormat } from '@mica-audit/report';
import { EXIT, type Command } from '../command.ts';
import { langOption, printJson } from '../io-helpers.ts';

function formatOption(value: unknown): ReportFormat {
  if (typeof value === 'string' && (FORMATS as readonly string[]).includes(value))
    return value as ReportFormat;
  throw new DomainError('cli.usage', `--format must be one of ${FORMATS.join(', ')}`);
}

export const reportDemoCommand: Command = {
  name: 'report demo',
  summary:
    'Render a deliverable of the bundled demo engagement (a fictional French CASP) and update the manifest',
  usage:
    'mica-audit report demo --format pdf|docx|xlsx|json|oscal-ar|oscal-poam --lang en|fr --out DIR [--json]',
  examples: [
    'mica-audit report demo --format pdf --lang fr --out ./demo-report',
    'mica-audit report demo --format xlsx --lang en --out ./demo-report',
  ],
  options: {
    format: { type: 'string', short: 'f' },
    lang: { type: 'string' },
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
  },
  optionHelp: [
    '--format F  pdf, docx, xlsx, json (the whole snapshot), oscal-ar (assessment results) or oscal-poam',
    '--lang L    en or fr (default en)',
    '--out DIR   folder to write to; its manifest.json is created or updated',
    '            files are named mica-audit_<entity>_<engagement>_<report date>_<lang>.pdf (.docx, .xlsx);',
    '            JSON and OSCAL, the same in every language, end _<report date>_snapshot.json, _oscal-poam.json…',
    '--json      print { files: [{ file, sha256, size }], manifest }',
  ],
  async run({ io, values }) {
    if (typeof values.out !== 'string') throw new DomainError('cli.usage', '--out DIR is required');
    const format = formatOption(values.format ?? 'pdf');
    const lang = langOption(values.lang);
    const result = await writeDeliverables(await loadDemoSnapshot(), {
      formats: [format],
      lang,
      outDir: resolve(io.cwd, values.out),
    });
    if (values.json === true) printJson(io, result);
    else
      for (const file of result.files)
        io.stdout(`wrote ${file.file} (${file.size} bytes, sha256 ${file.sha256})\n`);
    return EXIT.ok;
  },
};
