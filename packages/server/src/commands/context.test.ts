import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, actorOf } from '../auth/users.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { DATABASE_KINDS, freshDatabase, skipKind } from '../test/databases.ts';
import { inTransaction } from './context.ts';
import { createOrganisation } from './organisations.ts';

describe.each(DATABASE_KINDS)('one transaction per write on %s', (kind) => {
  let handle: DatabaseHandle;
  const test = it.skipIf(skipKind(kind));
  beforeAll(async () => {
    if (!skipKind(kind)) handle = await freshDatabase(kind);
  }, 120_000);
  afterAll(async () => {
    if (!skipKind(kind)) await handle?.close();
  }, 120_000);

  test('a failure after the writes leaves no row and no audit entry behind', async () => {
    const userId = await createUser(handle.db, { email: 'crash@example.test', name: 'Crash' });
    const actor = await actorOf(handle.db, userId);
    const attempt = inTransaction(handle.db, async (tx) => {
      await createOrganisation({ actor, input: { name: 'Half-made' }, tx });
      throw new Error('the process died here');
    });
    await expect(attempt).rejects.toThrow('the process died here');
    expect(await handle.db.selectFrom('organisations').select('id').execute()).toEqual([]);
    expect(await handle.db.selectFrom('memberships').select('user_id').execute()).toEqual([]);
    expect(await handle.db.selectFrom('audit_log').select('seq').execute()).toEqual([]);
  });
});
