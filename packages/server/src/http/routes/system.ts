import { sql } from 'kysely';
import { route, type AnyRoute } from '../route.ts';
import { docsPage, openApiDocument } from '../openapi.ts';

/** Health, OpenAPI and docs: the only routes besides sign-in that answer anonymous requests. */
export function systemRoutes(all: () => readonly AnyRoute[]): AnyRoute[] {
  return [
    route({
      method: 'GET',
      url: '/api/health',
      summary: 'Liveness and database reachability',
      tag: 'system',
      public: true,
      handler: async (_input, { db }) => {
        await sql`select 1`.execute(db);
        return { status: 'ok' };
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
