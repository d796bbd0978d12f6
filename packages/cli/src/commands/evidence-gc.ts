import { EXIT, type Command } from '../command.ts';
import { printJson } from '../io-helpers.ts';
import {
  EVIDENCE_STORE_OPTION_HELP,
  EVIDENCE_STORE_OPTIONS,
  openCommandStore,
} from './evidence-store-option.ts';
import { WORKSPACE_OPTION_HELP, WORKSPACE_OPTIONS, workspaceLocation } from './serve-options.ts';

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 ** 2).toFixed(1)} MiB`;
}

export const evidenceGcCommand: Command = {
  name: 'evidence gc',
  summary:
    'Delete evidence-store content no evidence or report refers to (older than one hour), and staged leftovers',
  usage:
    'mica-audit evidence gc [--data-dir DIR | --database-url URL] [--evidence-store local|s3] [--dry-run] [--json]',
  examples: [
    'mica-audit evidence gc --dry-run',
    'mica-audit evidence gc --database-url postgres://127.0.0.1/mica --evidence-store s3 --json',
  ],
  options: {
    ...WORKSPACE_OPTIONS,
    ...EVIDENCE_STORE_OPTIONS,
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  optionHelp: [
    ...WORKSPACE_OPTION_HELP,
    ...EVIDENCE_STORE_OPTION_HELP,
    '--dry-run            list what would be deleted; delete nothing',
    '--json               print { dryRun, scanned, recent, referenced, removed: [{ sha256, size }], removedBytes, stagedRemoved }',
  ],
  async run({ io, values }) {
    const { defaultDataDir, openDatabase, pgliteDirOf, sweepOrphanEvidence, DEFAULT_ORPHAN_GRACE_MS } =
      await import('@mica-audit/server');
    const location = workspaceLocation(io, values);
    const dataDir = location.dataDir ?? defaultDataDir();
    const dryRun = values['dry-run'] === true;
    const store = await openCommandStore(values, dataDir);
    const database = await openDatabase({
      databaseUrl: location.databaseUrl ?? process.env.DATABASE_URL,
      pgliteDir: pgliteDirOf(dataDir),
    }).catch(async (error: unknown) => {
      await store.close();
      throw error;
    });
    try {
      // Uploads in flight on a running server are safe: the grace period and the sweep's table locks protect them.
      const stagedRemoved = dryRun
        ? null
        : await store.sweepStaging({ olderThanMs: DEFAULT_ORPHAN_GRACE_MS });
      const result = await sweepOrphanEvidence(database.db, store, {
        olderThanMs: DEFAULT_ORPHAN_GRACE_MS,
        dryRun,
      });
      if (values.json === true) printJson(io, { ...result, stagedRemoved });
      else {
        const verb = dryRun ? 'would remove' : 'removed';
        io.stdout(
          [
            `evidence store ${store.location}: ${result.scanned} stored; kept ${result.recent} younger than one hour and ${result.referenced} older but in use`,
            `${verb} ${result.removed.length} unreferenced (${bytes(result.removedBytes)})${stagedRemoved === null ? '' : ` and ${stagedRemoved} staged leftovers`}`,
            ...result.removed.map((r) => `  ${r.sha256}  ${bytes(r.size)}`),
            '',
          ].join('\n'),
        );
      }
      return EXIT.ok;
    } finally {
      await database.close();
      await store.close();
    }
  },
};
