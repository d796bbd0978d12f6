import { resolve } from 'node:path';
import { DomainError } from '@mica-audit/core';
import { EXIT, type Command } from '../command.ts';
import { printJson } from '../io-helpers.ts';
import {
  EVIDENCE_STORE_OPTION_HELP,
  EVIDENCE_STORE_OPTIONS,
  openCommandStore,
} from './evidence-store-option.ts';
import { WORKSPACE_OPTION_HELP, WORKSPACE_OPTIONS, workspaceLocation } from './serve-options.ts';

export const backupCommand: Command = {
  name: 'backup',
  summary:
    'Write one organisation (rows, users, audit entries, evidence files with their SHA-256) to an archive',
  usage:
    'mica-audit backup --organisation ID --out FILE [--data-dir DIR | --database-url URL] [--evidence-store local|s3] [--json]',
  examples: [
    'mica-audit backup --organisation 6f1c… --out acme.mica-backup.jsonl',
    'mica-audit backup --organisation 6f1c… --out acme.jsonl --database-url postgres://127.0.0.1/mica --data-dir /srv/mica',
  ],
  options: {
    ...WORKSPACE_OPTIONS,
    ...EVIDENCE_STORE_OPTIONS,
    organisation: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  optionHelp: [
    '--organisation ID     the organisation to back up',
    '--out FILE            the archive to write (JSON lines; replaced atomically)',
    ...WORKSPACE_OPTION_HELP,
    ...EVIDENCE_STORE_OPTION_HELP,
    '--json               print the manifest as JSON',
  ],
  async run({ io, values }) {
    const { organisation, out } = values;
    if (typeof organisation !== 'string' || typeof out !== 'string')
      throw new DomainError('cli.usage', 'give --organisation ID and --out FILE');
    const { defaultDataDir, openDatabase, pgliteDirOf, backupOrganisation } =
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
      const { manifest, file } = await backupOrganisation(
        database.db,
        store,
        organisation,
        resolve(io.cwd, out),
      );
      if (values.json === true) printJson(io, { file, ...manifest });
      else {
        const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
        io.stdout(
          `backed up organisation ${organisation}: ${rows} rows, ${manifest.files.length} evidence files → ${file}\n`,
        );
      }
      return EXIT.ok;
    } finally {
      await database.close();
      await store.close();
    }
  },
};
