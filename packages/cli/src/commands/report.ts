import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DomainError } from '@mica-audit/core';
import {
  bundledCatalogue,
  MANIFEST_FILE,
  readManifest,
  writeDeliverables,
  type ReportFormat,
} from '@mica-audit/report';
import { EXIT, type Command } from '../command.ts';
import { langOption, printJson } from '../io-helpers.ts';
import { WORKSPACE_OPTION_HELP, WORKSPACE_OPTIONS, workspaceLocation } from './serve-options.ts';

/** `--format` values: the report package's formats, and `oscal` for both OSCAL documents. */
const FORMAT_CHOICES: Readonly<Record<string, readonly ReportFormat[]>> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  json: ['json'],
  oscal: ['oscal-ar', 'oscal-poam'],
  'oscal-ar': ['oscal-ar'],
  'oscal-poam': ['oscal-poam'],
};

function formatsOption(value: unknown): readonly ReportFormat[] {
  const formats = typeof value === 'string' ? FORMAT_CHOICES[value] : undefined;
  if (formats === undefined)
    throw new DomainError(
      'cli.usage',
      `--format must be one of ${Object.keys(FORMAT_CHOICES).join(', ')}, not ${JSON.stringify(value)}`,
    );
  return formats;
}

export const reportCommand: Command = {
  name: 'report',
  summary:
    "Render an engagement's deliverable from the workspace database into a folder and update its manifest",
  usage:
    'mica-audit report --engagement ID --format pdf|docx|xlsx|oscal|json --lang en|fr --out DIR [--data-dir DIR | --database-url URL] [--json]',
  examples: [
    'mica-audit report --engagement 0b6c… --format pdf --lang fr --out ./deliverables',
    'mica-audit report --engagement 0b6c… --format oscal --out ./deliverables --database-url postgres://127.0.0.1/mica',
  ],
  options: {
    engagement: { type: 'string', short: 'e' },
    format: { type: 'string', short: 'f' },
    lang: { type: 'string' },
    out: { type: 'string', short: 'o' },
    ...WORKSPACE_OPTIONS,
    json: { type: 'boolean' },
  },
  optionHelp: [
    '--engagement ID      the engagement (its id, as the API and `mica-audit demo --json` print it)',
    '--format F           pdf, docx, xlsx, json (the whole engagement) or oscal (assessment results and POA&M)',
    '--lang L             en or fr (default en)',
    '--out DIR            folder to write to; its manifest.json is created or updated',
    '                     files are named mica-audit_<entity>_<engagement>_<report date>_<lang>.pdf (.docx, .xlsx);',
    '                     JSON and OSCAL, the same in every language, end _<report date>_snapshot.json, _oscal-poam.json…',
    ...WORKSPACE_OPTION_HELP,
    '--json               print { files: [{ file, sha256, size }], manifest }',
  ],
  async run({ io, values }) {
    if (typeof values.engagement !== 'string' || values.engagement === '')
      throw new DomainError('cli.usage', '--engagement ID is required');
    if (typeof values.out !== 'string') throw new DomainError('cli.usage', '--out DIR is required');
    const formats = formatsOption(values.format ?? 'pdf');
    const lang = langOption(values.lang);
    const outDir = resolve(io.cwd, values.out);
    const { buildSnapshot, defaultDataDir, openDatabase, pgliteDirOf } = await import('@mica-audit/server');
    const location = workspaceLocation(io, values);
    const database = await openDatabase({
      databaseUrl: location.databaseUrl ?? process.env.DATABASE_URL,
      pgliteDir: pgliteDirOf(location.dataDir ?? defaultDataDir()),
    });
    try {
      const engagementId = values.engagement;
      // The command runs with direct access to the database: the operator, not a member, so no organisation is given.
      const engagement = await database.db
        .selectFrom('engagements')
        .select('organisation_id')
        .where('id', '=', engagementId)
        .executeTakeFirst();
      if (engagement === undefined)
        throw new DomainError(
          'report.engagement_not_found',
          `no engagement ${engagementId} in this workspace; check --engagement and --data-dir or --database-url`,
          { kind: 'not_found' },
        );
      // Adding a format to a folder keeps the version of the deliverables already there.
      const existing = existsSync(join(outDir, MANIFEST_FILE)) ? await readManifest(outDir) : undefined;
      const version = existing?.engagementId === engagementId ? existing.reportVersion : '1';
      const catalogue = await bundledCatalogue();
      const snapshot = await database.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute((tx) =>
          buildSnapshot(tx, engagement.organisation_id, engagementId, { lang, version, catalogue }),
        );
      const result = await writeDeliverables(snapshot, { formats, lang, outDir, catalogue });
      if (values.json === true) printJson(io, result);
      else
        for (const file of result.files)
          io.stdout(`wrote ${file.file} (${file.size} bytes, sha256 ${file.sha256})\n`);
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
};
