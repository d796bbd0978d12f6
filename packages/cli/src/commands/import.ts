import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DomainError, isDomainError } from '@mica-audit/core';
import { importFile, loadMappingRules } from '@mica-audit/importers';
import { EXIT, type Command, type Io } from '../command.ts';
import { printJson } from '../io-helpers.ts';
import { ProgressLine } from './import-progress.ts';
import { WORKSPACE_OPTION_HELP, WORKSPACE_OPTIONS, workspaceLocation } from './serve-options.ts';

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
  usage:
    'mica-audit import FILE... (--dry-run | --engagement ID --user EMAIL [--data-dir DIR | --database-url URL]) [--json] [--max-mb N]',
  examples: [
    'mica-audit import scan.sarif nmap.xml --dry-run',
    'mica-audit import reports/*.json --dry-run --json',
    'mica-audit import scan.sarif nmap.xml --engagement 5f0c… --user lead@firm.test',
    'mica-audit import trivy.json --engagement 5f0c… --user auditor@firm.test --database-url postgres://127.0.0.1/mica --json',
  ],
  options: {
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    engagement: { type: 'string' },
    user: { type: 'string' },
    'max-mb': { type: 'string' },
    ...WORKSPACE_OPTIONS,
  },
  optionHelp: [
    'FILE...              tool outputs; the format is detected from the content, never from the name',
    '--dry-run            parse and check only, touching no database',
    '--engagement ID      store the findings and assets into this engagement: all files or none, deduplicated',
    '                     against what it holds, absent findings of the same tool and assets marked fixed',
    '--user EMAIL         the member who imports (recorded in the audit log; needs a role that may import;',
    '                     default $MICA_AUDIT_USER)',
    ...WORKSPACE_OPTION_HELP,
    '--json               --dry-run: [{ file, format, tool, findings, assets, errors }], one entry per file;',
    '                     storing: [{ file, format, tool, findings, new, updated, fixed, assets }]',
    '                     (on a terminal, a progress bar is drawn on stderr, except with --json)',
    '--max-mb N           refuse files larger than N MiB (default 512)',
  ],
  positionals: { min: 1, max: 10_000 },
  async run({ io, values, positionals }) {
    const maxMb = values['max-mb'] === undefined ? 512 : Number(values['max-mb']);
    if (!Number.isFinite(maxMb) || maxMb <= 0)
      throw new DomainError('cli.usage', '--max-mb must be a positive number');
    if (values['dry-run'] !== true) {
      if (typeof values.engagement !== 'string')
        throw new DomainError(
          'cli.usage',
          'give --engagement ID to store the findings (with --user EMAIL), or --dry-run to check the files',
        );
      return storeImport({ io, values, positionals }, values.engagement, maxMb * MB);
    }
    const mappingRules = await loadMappingRules();
    const entries: DryRunEntry[] = [];
    for (const file of positionals) {
      const path = resolve(io.cwd, file);
      const started = performance.now();
      const line = progressLine(io, values.json === true);
      try {
        const result = await importFile(path, {
          maxBytes: maxMb * MB,
          mappingRules,
          onProgress:
            line &&
            ((p) =>
              line.update(
                (elapsedMs) => ({ phase: 'parse', label: file, ...p, elapsedMs }),
                p.bytesRead === p.totalBytes,
              )),
        });
        line?.done();
        entries.push({
          file,
          format: result.format,
          tool: result.tool,
          findings: result.findings.length,
          assets: result.assets.length,
          errors: [],
        });
        if (line !== undefined)
          io.stderr(
            `${file}: ${result.findings.length} findings in ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
          );
      } catch (error) {
        line?.done();
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

/** The progress bar, when stderr is a terminal and the output is not for a machine. */
function progressLine(io: Io, json: boolean): ProgressLine | undefined {
  return json || io.stderrColumns === undefined ? undefined : new ProgressLine(io.stderr, io.stderrColumns);
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Stores the files into the engagement through the server's import command, opening the database directly. */
async function storeImport(
  { io, values, positionals }: Parameters<Command['run']>[0],
  engagementId: string,
  maxBytes: number,
): Promise<number> {
  const email = typeof values.user === 'string' ? values.user : process.env.MICA_AUDIT_USER;
  if (email === undefined || email === '')
    throw new DomainError('cli.usage', 'give --user EMAIL: the member recorded as the one who imports');
  const { actorOf, defaultDataDir, importFiles, openDatabase, pgliteDirOf } =
    await import('@mica-audit/server');
  const location = workspaceLocation(io, values);
  const database = await openDatabase({
    databaseUrl: location.databaseUrl ?? process.env.DATABASE_URL,
    pgliteDir: pgliteDirOf(location.dataDir ?? defaultDataDir()),
  });
  try {
    const { db } = database;
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
    if (user === undefined)
      throw new DomainError('cli.unknown_user', `--user: no user ${email} in this workspace`, {
        kind: 'not_found',
      });
    const engagement = await db
      .selectFrom('engagements')
      .select('organisation_id')
      .where('id', '=', engagementId)
      .executeTakeFirst();
    if (engagement === undefined)
      throw new DomainError('engagement.not_found', `--engagement: engagement ${engagementId} not found`, {
        kind: 'not_found',
      });
    const files = [];
    for (const file of positionals) {
      const path = resolve(io.cwd, file);
      const size = await stat(path).then(
        (s) => s.size,
        (cause: unknown) => {
          throw new DomainError('import.unreadable', `${file}: cannot read the file`, {
            kind: 'not_found',
            cause,
          });
        },
      );
      files.push({ path, fileName: file, size, sha256: await sha256Of(path) });
    }
    const line = progressLine(io, values.json === true);
    const started = performance.now();
    let phase = '';
    const summaries = await importFiles(
      db,
      await actorOf(db, user.id),
      { organisationId: engagement.organisation_id, engagementId, files, maxBytes },
      line &&
        ((event) => {
          const key = event.phase === 'parse' ? event.file : 'store';
          line.update(
            (elapsedMs) =>
              event.phase === 'parse' ? { ...event, label: event.file, elapsedMs } : { ...event, elapsedMs },
            // A phase's first and last figures are always drawn.
            key !== phase ||
              (event.phase === 'parse' ? event.bytesRead === event.totalBytes : event.done === event.total),
          );
          phase = key;
        }),
    ).finally(() => line?.done());
    const entries = summaries.map(({ file, format, tool, findings, new: fresh, updated, fixed, assets }) => ({
      file,
      format,
      tool,
      findings,
      new: fresh,
      updated,
      fixed,
      assets,
    }));
    if (values.json === true) printJson(io, entries);
    else
      for (const e of entries)
        io.stdout(
          `${e.file}: ${e.format} (${e.tool}), ${e.findings} findings: ${e.new} new, ${e.updated} seen again, ${e.fixed} fixed; ${e.assets} assets\n`,
        );
    if (line !== undefined) io.stderr(`stored in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
