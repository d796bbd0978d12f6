import { EXIT, type Command } from '../command.ts';
import { printJson } from '../io-helpers.ts';
import { WORKSPACE_OPTION_HELP, WORKSPACE_OPTIONS, workspaceLocation } from './serve-options.ts';

export const auditLogVerifyCommand: Command = {
  name: 'audit-log verify',
  summary: 'Check the hash chain of the audit log; report the first edited, reordered or deleted entry',
  usage: 'mica-audit audit-log verify [--data-dir DIR | --database-url URL] [--json]',
  examples: [
    'mica-audit audit-log verify',
    'mica-audit audit-log verify --database-url postgres://127.0.0.1/mica --json',
  ],
  options: { ...WORKSPACE_OPTIONS, json: { type: 'boolean' } },
  optionHelp: [...WORKSPACE_OPTION_HELP, '--json               print the result as JSON'],
  async run({ io, values }) {
    const { defaultDataDir, openDatabase, pgliteDirOf, verifyAuditLog } = await import('@mica-audit/server');
    const location = workspaceLocation(io, values);
    const databaseUrl = location.databaseUrl ?? process.env.DATABASE_URL;
    const database = await openDatabase({
      databaseUrl,
      pgliteDir: pgliteDirOf(location.dataDir ?? defaultDataDir()),
    });
    try {
      const result = await verifyAuditLog(database.db);
      if (values.json === true) printJson(io, result);
      else if (result.ok)
        io.stdout(`audit log intact: ${result.entries} entries, last hash ${result.lastHash}\n`);
      else io.stdout(`audit log broken: ${result.message}\n`);
      return result.ok ? EXIT.ok : EXIT.problems;
    } finally {
      await database.close();
    }
  },
};
