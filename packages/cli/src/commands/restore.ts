import { resolve } from 'node:path';
import { EXIT, type Command } from '../command.ts';
import { printJson } from '../io-helpers.ts';
import {
  EVIDENCE_STORE_OPTION_HELP,
  EVIDENCE_STORE_OPTIONS,
  openCommandStore,
} from './evidence-store-option.ts';
import { WORKSPACE_OPTION_HELP, WORKSPACE_OPTIONS, workspaceLocation } from './serve-options.ts';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Restore an organisation archive, all or nothing, after checking every hash in it',
  usage: 'mica-audit restore FILE [--data-dir DIR | --database-url URL] [--evidence-store local|s3] [--json]',
  examples: ['mica-audit restore acme.mica-backup.jsonl --data-dir /srv/mica-new'],
  options: { ...WORKSPACE_OPTIONS, ...EVIDENCE_STORE_OPTIONS, json: { type: 'boolean' } },
  optionHelp: [
    ...WORKSPACE_OPTION_HELP,
    ...EVIDENCE_STORE_OPTION_HELP,
    '--json               print the restored manifest as JSON',
  ],
  positionals: { min: 1, max: 1 },
  async run({ io, values, positionals }) {
    const { defaultDataDir, openDatabase, pgliteDirOf, restoreOrganisation } =
      await import('@mica-audit/server');
    const location = workspaceLocation(io, values);
    const dataDir = location.dataDir ?? defaultDataDir();
    const store = await openCommandStore(values, dataDir);
    const database = await openDatabase({
      databaseUrl: location.databaseUrl ?? process.env.DATABASE_URL,
      pgliteDir: pgliteDirOf(dataDir),
    }).catch(async (error: unknown) => {
      await store.close();
      throw error;
    });
    try {
      const { manifest, existingUsers } = await restoreOrganisation(
        database.db,
        store,
        resolve(io.cwd, positionals[0] ?? ''),
      );
      if (values.json === true) printJson(io, { ...manifest, existingUsers });
      else {
        const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
        io.stdout(
          `restored organisation ${manifest.organisationId}: ${rows} rows, ${manifest.files.length} evidence files (every hash checked)\n`,
        );
      }
      return EXIT.ok;
    } finally {
      await database.close();
      await store.close();
    }
  },
};
