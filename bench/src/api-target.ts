// The process under load in api.bench.ts, run as a child so that autocannon never shares its event loop.
//   node api-target.ts bare                        a bare Fastify JSON route (the baseline), and /bare-body: the
//                                                  JSON text the parent last sent as `{ body }`, sent as is
//   node api-target.ts server DATA_DIR [DB_URL]    the workspace server on PGlite in DATA_DIR, or on PostgreSQL
// Listens on 127.0.0.1, a free port, and tells the parent `{ port }` over IPC; answers `cpu` with its CPU time and
// closes when the parent says `stop` (a clean exit, so `--cpu-prof` writes its profile).
import Fastify, { type FastifyInstance } from 'fastify';
import { openWorkspace } from '@mica-audit/server';

let body = Buffer.from('{}');

async function start(): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const [mode, dataDir, databaseUrl] = process.argv.slice(2);
  if (mode === 'bare') {
    const app = Fastify({ logger: false });
    app.get('/bare', (_request, reply) => reply.send({ hello: 'world' }));
    app.get('/bare-body', (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
    return { app, close: () => app.close() };
  }
  if (mode === 'server' && dataDir !== undefined) {
    // The same options as `mica-audit serve`; databaseUrl '' keeps PGlite even when DATABASE_URL is set.
    const workspace = await openWorkspace({ dataDir, databaseUrl: databaseUrl ?? '', logger: false });
    return { app: workspace.app, close: () => workspace.close() };
  }
  throw new Error('usage: api-target.ts bare | server DATA_DIR [DATABASE_URL]');
}

const target = await start();
const address = await target.app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: Number(new URL(address).port) });
process.on('message', (message) => {
  // `cpu`: the CPU time this process has used, so the parent can divide it by the requests it answered.
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMs: (user + system) / 1000 });
  }
  const sent = (message as { body?: unknown }).body;
  if (typeof sent === 'string') {
    body = Buffer.from(sent);
    process.send?.({ served: body.length });
  }
  if (message === 'stop') void target.close().finally(() => process.exit(0));
});
