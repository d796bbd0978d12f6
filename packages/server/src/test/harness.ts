import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLES, type Catalogue, type Role } from '@mica-audit/core';
import { loadValidCatalogue } from '@mica-audit/catalog';
import { createApiToken } from '../auth/tokens.ts';
import { createUser } from '../auth/users.ts';
import type { MailServiceOptions } from '../mail/service.ts';
import { openWorkspace, type Workspace } from '../server.ts';
import { freshDatabase, type DatabaseKind } from './databases.ts';

export const PROFILE = {
  name: 'Exemple Garde SAS',
  memberState: 'FR',
  legalStatus: 'casp',
  services: ['custody', 'exchange-funds', 'transfer'],
  issuance: [],
  facts: { activeUsersEU: 120000, holdsClientCryptoAssets: true, holdsClientFunds: true },
};

let cachedCatalogue: Promise<Catalogue> | undefined;
/** The bundled catalogue, loaded once per test file. */
export function catalogue(): Promise<Catalogue> {
  cachedCatalogue ??= loadValidCatalogue();
  return cachedCatalogue;
}

export interface TestOrg {
  readonly id: string;
  /** A bearer token per role. */
  readonly tokens: Record<Role, string>;
  readonly userIds: Record<Role, string>;
}

export interface Harness {
  readonly workspace: Workspace;
  readonly dataDir: string;
  request(
    token: string | undefined,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<{ status: number; json: () => unknown; body: string; headers: Record<string, unknown> }>;
  /** An organisation with one member of every role, created through the API by its admin. */
  organisation(name: string): Promise<TestOrg>;
  close(): Promise<void>;
}

/** A workspace on a fresh database of `kind`, with a temporary data directory. */
export async function openHarness(
  kind: DatabaseKind,
  options: { uploadLimit?: number; mail?: MailServiceOptions } = {},
): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mica-server-test-'));
  const database = await freshDatabase(kind);
  const workspace = await openWorkspace({
    dataDir,
    database,
    catalogue: await catalogue(),
    uploadLimit: options.uploadLimit,
    mail: options.mail,
  });
  const db = database.db;
  let counter = 0;
  const harness: Harness = {
    workspace,
    dataDir,
    async request(token, method, url, body) {
      const response = await workspace.app.inject({
        method,
        url,
        headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return {
        status: response.statusCode,
        json: () => response.json<unknown>(),
        body: response.body,
        headers: response.headers,
      };
    },
    async organisation(name) {
      counter += 1;
      const adminId = await createUser(db, {
        email: `admin${counter}@${name}.test`,
        name: `Admin ${name}`,
        password: 'correct horse battery',
      });
      const adminToken = (await createApiToken(db, adminId, 'test')).token;
      const created = await harness.request(adminToken, 'POST', '/api/organisations', { name });
      const orgId = (created.json() as { id: string }).id;
      const tokens = { admin: adminToken } as Record<Role, string>;
      const userIds = { admin: adminId } as Record<Role, string>;
      for (const role of ROLES.filter((r) => r !== 'admin')) {
        const added = await harness.request(adminToken, 'POST', `/api/organisations/${orgId}/members`, {
          email: `${role}${counter}@${name}.test`,
          name: `${role} of ${name}`,
          role,
        });
        const userId = (added.json() as { userId: string }).userId;
        userIds[role] = userId;
        tokens[role] = (await createApiToken(db, userId, 'test')).token;
      }
      return { id: orgId, tokens, userIds };
    },
    async close() {
      await workspace.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Creates an entity and an engagement in the organisation; returns their ids. */
export async function seedEngagement(
  h: Harness,
  org: TestOrg,
): Promise<{ entityId: string; engagementId: string }> {
  const entity = await h.request(org.tokens.admin, 'POST', `/api/organisations/${org.id}/entities`, {
    profile: PROFILE,
  });
  const entityId = (entity.json() as { id: string }).id;
  const engagement = await h.request(
    org.tokens['lead-auditor'],
    'POST',
    `/api/organisations/${org.id}/engagements`,
    {
      entityId,
      name: 'MiCA authorisation audit 2026',
      startDate: '2026-11-02',
      endDate: '2026-12-18',
      // Every member is staffed, so each role's own rights are what tests exercise (team-isolation.test.ts covers
      // members outside the team).
      team: [org.userIds['lead-auditor'], org.userIds.auditor, org.userIds.contributor, org.userIds.reviewer],
    },
  );
  if (engagement.status !== 201) throw new Error(`engagement: ${engagement.status} ${engagement.body}`);
  return { entityId, engagementId: (engagement.json() as { id: string }).id };
}
