import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@mica-audit/core';
import { createUser } from '../auth/users.ts';
import type { ServerContext } from '../server-context.ts';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../test/harness.ts';
import { registerRoutes, route } from './route.ts';
import { actorKey, ResponseCache } from './response-cache.ts';

describe('ResponseCache', () => {
  it('answers only the generation an entry was computed under, and keeps one entry per key', () => {
    const cache = new ResponseCache(1024);
    cache.set('a', 1, Buffer.from('one'));
    expect(cache.get('a', 1)?.toString()).toBe('one');
    expect(cache.get('a', 2)).toBeUndefined();
    cache.set('a', 2, Buffer.from('two'));
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('a', 2)?.toString()).toBe('two');
    expect(cache.size.entries).toBe(1);
  });

  it('drops the least recently used entries beyond its size, and never keeps a body an eighth of it or more', () => {
    const cache = new ResponseCache(400);
    cache.set('a', 1, Buffer.alloc(40));
    cache.set('b', 1, Buffer.alloc(40));
    cache.get('a', 1); // a is now the most recently used
    for (let i = 0; i < 8; i++) cache.set(`c${i}`, 1, Buffer.alloc(40));
    expect(cache.get('a', 1)).toBeDefined();
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.size.bytes).toBeLessThanOrEqual(400);
    cache.set('big', 1, Buffer.alloc(50));
    expect(cache.get('big', 1)).toBeUndefined();
  });

  it('keys an actor by user and every membership, whatever their order', () => {
    const a: Actor = {
      userId: 'u',
      memberships: [
        { organisationId: 'o1', role: 'auditor' },
        { organisationId: 'o2', role: 'reviewer' },
      ],
    };
    const b: Actor = { userId: 'u', memberships: [...a.memberships].reverse() };
    const c: Actor = { userId: 'u', memberships: [{ organisationId: 'o1', role: 'lead-auditor' }] };
    expect(actorKey(a)).toBe(actorKey(b));
    expect(actorKey(a)).not.toBe(actorKey(c));
  });
});

describe('cached routes', () => {
  let generation: number | undefined = 1;
  let calls = 0;
  const actor: Actor = { userId: 'u1', memberships: [] };
  const app = Fastify();
  beforeAll(async () => {
    const context = {
      changes: { settled: () => Promise.resolve(generation), close: () => Promise.resolve() },
      authenticate: () => Promise.resolve(actor),
    } as unknown as ServerContext;
    registerRoutes(app, context, [
      route({
        method: 'GET',
        url: '/counted',
        summary: 'test',
        tag: 'test',
        cached: true,
        handler: () => Promise.resolve({ calls: ++calls }),
      }),
    ]);
    await app.ready();
  });
  afterAll(() => app.close());
  const get = async (url = '/counted') =>
    (await app.inject({ method: 'GET', url })).json<{ calls: number }>();

  it('runs the handler once per generation and URL, and again after any change', async () => {
    generation = 1;
    const first = await get();
    expect(await get()).toEqual(first);
    expect(await get('/counted?x=1')).not.toEqual(first);
    generation = 2;
    const after = await get();
    expect(after.calls).toBeGreaterThan(first.calls);
    expect(await get()).toEqual(after);
  });

  it('answers from the database every time while the change feed is not listening', async () => {
    generation = undefined;
    const a = await get();
    const b = await get();
    expect(b.calls).toBe(a.calls + 1);
  });

  it('refuses a cached route that is not a GET', () => {
    const other = Fastify();
    expect(() =>
      registerRoutes(other, {} as ServerContext, [
        route({
          method: 'POST',
          url: '/x',
          summary: 'x',
          tag: 'x',
          cached: true,
          handler: () => Promise.resolve({}),
        }),
      ]),
    ).toThrow('only GET routes are cached');
  });
});

describe.each(DATABASE_KINDS)('remembered reads stay exact on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let engagementId: string;
  let cookies: Record<string, string>;
  let userId: string;
  const test = it.skipIf(skipKind(kind));
  const engagement = () => `/api/organisations/${org.id}/engagements/${engagementId}`;
  const asCookie = async (method: 'GET' | 'POST', url: string) =>
    h.workspace.app.inject({
      method,
      url,
      cookies,
      ...(method === 'POST' ? { headers: { 'x-mica-csrf': '1' } } : {}),
    });

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('cache');
    ({ engagementId } = await seedEngagement(h, org));
    // A signed-in browser user (session cookie), staffed on the engagement as an auditor.
    userId = await createUser(h.workspace.database.db, {
      email: 'browser@cache.test',
      name: 'Browser',
      password: 'a long enough password',
    });
    const added = await h.request(org.tokens.admin, 'POST', `/api/organisations/${org.id}/members`, {
      email: 'browser@cache.test',
      name: 'Browser',
      role: 'auditor',
    });
    expect(added.status, added.body).toBe(201);
    const staffed = await h.request(org.tokens['lead-auditor'], 'GET', engagement());
    const { team, version } = staffed.json() as { team: string[]; version: number };
    const patched = await h.request(org.tokens['lead-auditor'], 'PATCH', engagement(), {
      version,
      team: [...team, userId],
    });
    expect(patched.status, patched.body).toBe(200);
    const signIn = await h.workspace.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'browser@cache.test', password: 'a long enough password' },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    cookies = {
      'mica.session_token': signIn.cookies.find((c) => c.name === 'mica.session_token')?.value ?? '',
    };
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h?.close();
  }, 120_000);

  test("shows another user's committed write at the next read, round after round", async () => {
    const list = `${engagement()}/assessments?pageSize=5&sort=urn`;
    for (let round = 0; round < 10; round++) {
      const before = (await asCookie('GET', list)).json<{ items: { id: string; version: number }[] }>();
      expect((await asCookie('GET', list)).json()).toEqual(before);
      const first = before.items[0];
      if (first === undefined) throw new Error('no assessment');
      const written = await h.request(
        org.tokens.auditor,
        'PATCH',
        `${engagement()}/assessments/${first.id}`,
        {
          version: first.version,
          observation: `round ${round}`,
        },
      );
      expect(written.status, written.body).toBe(200);
      const after = (await asCookie('GET', list)).json<{
        items: { observation: string; version: number }[];
      }>();
      expect(after.items[0]).toMatchObject({ observation: `round ${round}`, version: first.version + 1 });
      const overview = (await asCookie('GET', engagement())).json<{ assessments: Record<string, number> }>();
      expect(Object.values(overview.assessments).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    }
  });

  test('takes access away at the next request when a member loses their role', async () => {
    expect((await asCookie('GET', engagement())).statusCode).toBe(200);
    const demoted = await h.request(
      org.tokens.admin,
      'PATCH',
      `/api/organisations/${org.id}/members/${userId}`,
      {
        role: 'reviewer',
      },
    );
    expect(demoted.status, demoted.body).toBe(200);
    const asReviewer = (await asCookie('GET', engagement())).json<{ permissions: string[] }>();
    expect(asReviewer.permissions).not.toContain('assessment.update');
    const removed = await h.request(
      org.tokens.admin,
      'DELETE',
      `/api/organisations/${org.id}/members/${userId}`,
    );
    expect(removed.status, removed.body).toBeLessThan(300);
    expect([403, 404]).toContain((await asCookie('GET', engagement())).statusCode);
  });

  test('ends a session at once on sign-out', async () => {
    expect((await asCookie('GET', '/api/me')).statusCode).toBe(200);
    expect((await asCookie('POST', '/api/auth/sign-out')).statusCode).toBe(204);
    expect((await asCookie('GET', '/api/me')).statusCode).toBe(401);
    expect((await asCookie('GET', engagement())).statusCode).toBe(401);
  });
});
