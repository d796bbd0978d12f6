import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { DomainError, formatIssue, type Actor } from '@mica-audit/core';
import { jsonOfCached } from '../commands/read-cache.ts';
import type { ServerContext } from '../server-context.ts';
import { actorKey, ResponseCache } from './response-cache.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A route: its zod schemas are both the validator and the OpenAPI description. */
export interface RouteSpec<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
> {
  readonly method: Method;
  readonly url: string;
  readonly summary: string;
  readonly tag: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Success status (200 unless said). */
  readonly status?: number;
  /** Public routes (health, docs, sign-in) skip authentication; every other route needs a user. */
  readonly public?: boolean;
  /** A multipart route: the body is streamed by the handler, not parsed here. */
  readonly multipart?: boolean;
  /**
   * A hot read whose JSON answer depends only on the caller, the URL (path and query), the catalogue and what the
   * database holds: no clock, no request header, no reply header. Its answers are remembered until the next committed
   * write (http/response-cache.ts). GET only.
   */
  readonly cached?: boolean;
  readonly handler: (
    input: {
      readonly actor: Actor;
      readonly params: Out<P>;
      readonly query: Out<Q>;
      readonly body: Out<B>;
      readonly request: FastifyRequest;
      readonly reply: FastifyReply;
    },
    context: ServerContext,
  ) => Promise<unknown>;
}

/** Parses a value with a schema; the first issue becomes a 400 `path: message`. */
export function parseWith<S extends Schema>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const message = issue === undefined ? 'invalid' : formatIssue(issue);
  throw new DomainError(`request.invalid_${where}`, message, { path: issue?.path.join('.') });
}

export type AnyRoute = RouteSpec<Schema | undefined, Schema | undefined, Schema | undefined>;

/** Declares a route with inferred input types (a typed identity, so handlers get `z.output` of their schemas). */
export function route<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: RouteSpec<P, Q, B>): AnyRoute {
  return spec;
}

const ANONYMOUS: Actor = { userId: '', memberships: [] };

/** Registers routes on Fastify: authentication, zod validation, status, nothing else. */
export function registerRoutes(
  app: FastifyInstance,
  context: ServerContext,
  routes: readonly AnyRoute[],
): void {
  const responses = new ResponseCache();
  for (const spec of routes) {
    if (spec.cached === true && spec.method !== 'GET')
      throw new Error(`${spec.url}: only GET routes are cached`);
    app.route({
      method: spec.method,
      url: spec.url,
      handler: async (request, reply) => {
        // Every write committed before this request arrived has been seen: what is remembered under this
        // generation is what the database holds (db/change-feed.ts). Undefined: answer from the database.
        const generation = spec.public === true ? undefined : await context.changes?.settled();
        const actor = spec.public === true ? ANONYMOUS : await context.authenticate(request, generation);
        const key =
          spec.cached === true && generation !== undefined
            ? `${actorKey(actor)}\u0000${request.url}`
            : undefined;
        const remembered = key === undefined ? undefined : responses.get(key, generation ?? -1);
        if (remembered !== undefined)
          return reply.status(200).type('application/json; charset=utf-8').send(remembered);
        const params =
          spec.params === undefined ? undefined : parseWith(spec.params, request.params, 'params');
        const query = spec.query === undefined ? undefined : parseWith(spec.query, request.query, 'query');
        const body = spec.body === undefined ? undefined : parseWith(spec.body, request.body ?? {}, 'body');
        const result = await spec.handler({ actor, params, query, body, request, reply }, context);
        if (reply.sent) return reply;
        // A value shared from the read cache is serialized once (the same bytes JSON.stringify gives each time).
        const json =
          jsonOfCached(result) ?? (key === undefined ? undefined : Buffer.from(JSON.stringify(result)));
        if (key !== undefined && json !== undefined && generation !== undefined)
          responses.set(key, generation, json);
        if (json !== undefined)
          return reply
            .status(spec.status ?? 200)
            .type('application/json; charset=utf-8')
            .send(json);
        return reply.status(spec.status ?? 200).send(result);
      },
    });
  }
}
