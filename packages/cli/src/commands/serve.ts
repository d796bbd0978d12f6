import { EXIT, type Command } from '../command.ts';
import {
  EVIDENCE_STORE_OPTION_HELP,
  EVIDENCE_STORE_OPTIONS,
  evidenceStoreKind,
} from './evidence-store-option.ts';
import {
  MAIL_OPTION_HELP,
  MAIL_OPTIONS,
  mailOptions,
  portOption,
  untilStopped,
  WORKSPACE_OPTION_HELP,
  WORKSPACE_OPTIONS,
  workspaceLocation,
} from './serve-options.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the audit workspace server (HTTP API, evidence store, audit log)',
  usage:
    'mica-audit serve [--port N] [--host H] [--data-dir DIR] [--database-url URL] [--evidence-store local|s3] [--smtp-url URL --mail-from ADDRESS --public-url URL]',
  examples: [
    'mica-audit serve --port 8080',
    'DATABASE_URL=postgres://mica@db/mica mica-audit serve --host 0.0.0.0',
    'MICA_AUDIT_S3_BUCKET=mica-evidence MICA_AUDIT_S3_REGION=eu-west-3 mica-audit serve --evidence-store s3',
    'MICA_AUDIT_SMTP_URL=smtps://mica:secret@mail.example.com:465 mica-audit serve --mail-from audit@example.com --public-url https://audit.example.com',
  ],
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    ...WORKSPACE_OPTIONS,
    ...EVIDENCE_STORE_OPTIONS,
    ...MAIL_OPTIONS,
  },
  optionHelp: [
    '--port N             port to listen on (default 3000; 0 picks a free one)',
    '--host H             address to listen on (default 127.0.0.1)',
    ...WORKSPACE_OPTION_HELP,
    ...EVIDENCE_STORE_OPTION_HELP,
    ...MAIL_OPTION_HELP,
  ],
  async run({ io, values }) {
    const port = portOption(values.port, 3000);
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    // Loaded on demand so that other commands do not pay for the server's dependencies.
    const { openWorkspace } = await import('@mica-audit/server');
    const workspace = await openWorkspace({
      ...workspaceLocation(io, values),
      evidenceStore: evidenceStoreKind(values),
      mail: mailOptions(values),
      logger: false,
      // The public URL when it is not the listening address (a reverse proxy): MICA_AUDIT_BASE_URL.
      baseURL: process.env.MICA_AUDIT_BASE_URL ?? `http://${host}:${port}`,
    });
    const address = await workspace.app.listen({ port, host });
    const where = workspace.database.kind === 'postgres' ? 'PostgreSQL' : `data in ${workspace.dataDir}`;
    io.stdout(
      `mica-audit serving on ${address} (${where}); API docs at ${address}/api/docs. Ctrl-C stops.\n`,
    );
    await untilStopped();
    await workspace.close();
    return EXIT.ok;
  },
};
