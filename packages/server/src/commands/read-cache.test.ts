import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, skipKind } from '../test/databases.ts';
import { openHarness, seedEngagement, type Harness, type TestOrg } from '../test/harness.ts';
import { jsonOfCached, ReadCache } from './read-cache.ts';

describe('ReadCache', () => {
  it('computes once per key, shares a frozen value, and drops the least recently used past its size', async () => {
    const cache = new ReadCache(400);
    let computed = 0;
    const compute = (n: number) => () => {
      computed += 1;
      return { n, nested: { list: [n] } };
    };
    const a = await cache.get('a', () => 100, compute(1));
    expect(await cache.get('a', () => 100, compute(2))).toBe(a);
    expect(computed).toBe(1);
    expect(Object.isFrozen(a.nested.list)).toBe(true);
    expect(jsonOfCached(a)?.toString()).toBe(JSON.stringify({ n: 1, nested: { list: [1] } }));
    expect(jsonOfCached({ n: 1 })).toBeUndefined();
    expect(jsonOfCached(Object.freeze({ n: 1 }))).toBeUndefined();
    await cache.get('b', () => 100, compute(3));
    await cache.get('a', () => 100, compute(4)); // a is now the most recently used
    await cache.get('c', () => 100, compute(5));
    await cache.get('d', () => 100, compute(6));
    expect(computed).toBe(4); // a, b, c, d: 400 bytes, all kept
    await cache.get('e', () => 100, compute(7)); // past 400 bytes: b, the least recently used, goes
    expect(computed).toBe(5);
    await cache.get('a', () => 100, compute(8));
    expect(computed).toBe(5);
    await cache.get('b', () => 100, compute(9));
    expect(computed).toBe(6);
    // A value larger than a quarter of the cache is returned but not kept.
    await cache.get('big', () => 200, compute(10));
    await cache.get('big', () => 200, compute(11));
    expect(computed).toBe(8);
  });
});

interface Page {
  items: { id: string; status: string; observation: string; version: number }[];
  total: number;
}

describe.each(DATABASE_KINDS)('cached reads follow every change of the assessments on %s', (kind) => {
  let h: Harness;
  let org: TestOrg;
  let engagementId: string;
  const test = it.skipIf(skipKind(kind));
  const engagementUrl = () => `/api/organisations/${org.id}/engagements/${engagementId}`;

  beforeAll(async () => {
    if (skipKind(kind)) return;
    h = await openHarness(kind);
    org = await h.organisation('cache');
    ({ engagementId } = await seedEngagement(h, org));
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await h.close();
  }, 120_000);

  const page = async () =>
    (
      await h.request(org.tokens.auditor, 'GET', `${engagementUrl()}/assessments?pageSize=500`)
    ).json() as Page;
  const counts = async () =>
    (
      (await h.request(org.tokens.auditor, 'GET', engagementUrl())).json() as {
        assessments: Record<string, number>;
      }
    ).assessments;
  const revision = async () =>
    (
      await h.workspace.database.db
        .selectFrom('engagement_revisions')
        .select('assessments')
        .where('engagement_id', '=', engagementId)
        .executeTakeFirstOrThrow()
    ).assessments;

  test('an update through the API, a hand-written UPDATE and a DELETE all show at once', async () => {
    const first = await page();
    expect(await page()).toEqual(first); // served from the cache, the same answer
    const before = await counts();
    const target = first.items[0];
    if (target === undefined) throw new Error('no assessment');
    const patched = await h.request(
      org.tokens.auditor,
      'PATCH',
      `${engagementUrl()}/assessments/${target.id}`,
      {
        version: target.version,
        status: 'compliant',
        observation: 'Checked on a sample of 10.',
      },
    );
    expect(patched.status).toBe(200);
    const second = await page();
    expect(second.items[0]).toMatchObject({ status: 'compliant', observation: 'Checked on a sample of 10.' });
    expect((await counts()).compliant).toBe((before.compliant ?? 0) + 1);

    const { db } = h.workspace.database;
    const revisionBefore = await revision();
    await db
      .updateTable('assessments')
      .set({ observation: 'edited by hand' })
      .where('id', '=', target.id)
      .execute();
    expect(await revision()).toBeGreaterThan(revisionBefore);
    expect((await page()).items[0]?.observation).toBe('edited by hand');

    await sql`delete from assessments where id = ${target.id}`.execute(db);
    const third = await page();
    expect(third.total).toBe(first.total - 1);
    expect((await counts()).compliant).toBe(before.compliant ?? undefined);
  });

  test('scoping answers the same bytes from the cache, per language', async () => {
    const url = `${engagementUrl()}/scoping`;
    const [en1, en2, fr] = [
      await h.request(org.tokens.auditor, 'GET', `${url}?lang=en`),
      await h.request(org.tokens.reviewer, 'GET', `${url}?lang=en`),
      await h.request(org.tokens.auditor, 'GET', `${url}?lang=fr`),
    ];
    expect(en1.status).toBe(200);
    expect(en2.body).toBe(en1.body);
    expect(en2.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(fr.body).not.toBe(en1.body);
    expect((await h.request(undefined, 'GET', `${url}?lang=en`)).status).toBe(401);
  });

  test('a cached page is not shared with a caller who may not see the engagement', async () => {
    await page();
    const other = await h.organisation('cache-other');
    const foreign = await h.request(other.tokens.admin, 'GET', `${engagementUrl()}/assessments?pageSize=500`);
    expect(foreign.status).toBe(404);
  });
});
