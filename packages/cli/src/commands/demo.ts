import { join } from 'node:path';
import { EXIT, type Command } from '../command.ts';
import {
  EVIDENCE_STORE_OPTION_HELP,
  EVIDENCE_STORE_OPTIONS,
  evidenceStoreKind,
} from './evidence-store-option.ts';
import { printJson } from '../io-helpers.ts';
import { portOption, untilStopped, workspaceLocation } from './serve-options.ts';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Seed a realistic demo engagement (a French CASP) and serve it',
  usage: 'mica-audit demo [--data-dir DIR] [--port N] [--no-serve] [--json] [--evidence-store local|s3]',
  examples: ['mica-audit demo', 'mica-audit demo --data-dir /tmp/mica-demo --no-serve --json'],
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    'no-serve': { type: 'boolean' },
    json: { type: 'boolean' },
    ...EVIDENCE_STORE_OPTIONS,
  },
  optionHelp: [
    '--data-dir DIR    where the demo lives (default: the mica-audit data directory, sub-folder demo)',
    '--port N          port to serve on (default 3000)',
    '--no-serve        only seed; do not start the server',
    '--json            print { "engagementId", "organisationId", "user" } as JSON',
    ...EVIDENCE_STORE_OPTION_HELP,
  ],
  async run({ io, values }) {
    const port = portOption(values.port, 3000);
    const { defaultDataDir, openWorkspace, seedDemo } = await import('@mica-audit/server');
    const dataDir = workspaceLocation(io, values).dataDir ?? join(defaultDataDir(), 'demo');
    // The demo always uses the embedded database in its own folder, whatever DATABASE_URL says.
    const workspace = await openWorkspace({
      dataDir,
      databaseUrl: '',
      baseURL: `http://127.0.0.1:${port}`,
      evidenceStore: evidenceStoreKind(values),
    });
    try {
      const { store, catalogue } = workspace.services;
      const demo = await seedDemo(workspace.database.db, store, catalogue);
      const summary = {
        engagementId: demo.engagementId,
        organisationId: demo.organisationId,
        user: demo.user,
      };
      if (values['no-serve'] === true) {
        if (values.json === true) printJson(io, summary);
        else
          io.stdout(
            `demo ${demo.created ? 'seeded' : 'already present'} in ${dataDir}\nsign in as ${demo.user.email} / ${demo.user.password}\n`,
          );
        return EXIT.ok;
      }
      const address = await workspace.app.listen({ port, host: '127.0.0.1' });
      if (values.json === true) printJson(io, { ...summary, url: address });
      else
        io.stdout(
          [
            `mica-audit demo serving on ${address}`,
            `  sign in: ${demo.user.email} / ${demo.user.password}  (POST ${address}/api/auth/sign-in)`,
            `  engagement: ${address}/api/organisations/${demo.organisationId}/engagements/${demo.engagementId}`,
            `  API docs: ${address}/api/docs`,
            '  Ctrl-C stops.',
            '',
          ].join('\n'),
        );
      await untilStopped();
      return EXIT.ok;
    } finally {
      await workspace.close();
    }
  },
};
