import { sql } from 'kysely';
import { route, type AnyRoute } from '../route.ts';
import { docsPage, openApiDocument } from '../openapi.ts';
import { isDatabaseUnavailable } from '../../db/connect.ts';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE } from '../errors.ts';

/** Health, OpenAPI and docs: the only routes besides sign-in that answer anonymous requests. */
export function systemRoutes(all: () => readonly AnyRoute[]): AnyRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/health',
      summary: 'Liveness and database reachability (503 while the database is unreachable)',
      tag: 'system',
      public: true,
      handler: async ({ reply }, { db }) => {
        const started = performance.now();
        try {
          await sql`select 1`.execute(db);
        } catch (error) {
          if (!isDatabaseUnavailable(error)) throw error;
          // Load balancers read the status; people read the body.
          return reply
            .status(503)
            .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
            .send({ status: 'unavailable', database: { state: 'down' }, ...DATABASE_UNAVAILABLE });
        }
        return {
          status: 'ok',
          database: { state: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 },
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/openapi.json',
      summary: 'This API as OpenAPI 3.1',
      tag: 'system',
      public: true,
      handler: () => Promise.resolve(openApiDocument(all())),
    }),
    route({
      method: 'GET',
      url: '/api/docs',
      summary: 'Interactive API documentation',
      tag: 'system',
      public: true,
      handler: async ({ reply }) => reply.type('text/html; charset=utf-8').send(docsPage()),
    }),
  ];
}
