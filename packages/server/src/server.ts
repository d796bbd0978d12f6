import { homedir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Catalogue } from '@mica-audit/core';
import { loadValidCatalogue } from '@mica-audit/catalog';
import { authSecret, createAuth } from './auth/better-auth.ts';
import { openDatabase, pgliteDirOf, type DatabaseHandle } from './db/connect.ts';
import { LocalEvidenceStore } from './evidence/store.ts';
import { buildApp } from './http/app.ts';

/** `$XDG_DATA_HOME/mica-audit`, else `~/.local/share/mica-audit`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_DATA_HOME;
  return join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.local', 'share'), 'mica-audit');
}

export const DEFAULT_UPLOAD_LIMIT = 50 * 1024 * 1024;

export interface WorkspaceOptions {
  /** Evidence files, and the PGlite database unless a database URL is given. */
  readonly dataDir?: string | undefined;
  /** PostgreSQL; defaults to the DATABASE_URL environment variable. */
  readonly databaseUrl?: string | undefined;
  readonly uploadLimit?: number | undefined;
  readonly allowSignUp?: boolean | undefined;
  readonly logger?: boolean | undefined;
  /** The public URL of the server (better-auth builds callback URLs from it). */
  readonly baseURL?: string | undefined;
  /** A database already open (tests); otherwise opened from databaseUrl or dataDir. */
  readonly database?: DatabaseHandle | undefined;
  /** A catalogue already loaded (tests); otherwise the bundled one is loaded and validated once. */
  readonly catalogue?: Catalogue | undefined;
}

export interface Workspace {
  readonly app: FastifyInstance;
  readonly database: DatabaseHandle;
  readonly dataDir: string;
  readonly services: { readonly store: LocalEvidenceStore; readonly catalogue: Catalogue };
  close(): Promise<void>;
}

/** Opens the workspace: database (migrated), catalogue, evidence store and the HTTP app, ready to listen or inject. */
export async function openWorkspace(options: WorkspaceOptions = {}): Promise<Workspace> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const catalogue = options.catalogue ?? (await loadValidCatalogue());
  const database = options.database ?? (await openDatabase({ databaseUrl, pgliteDir: pgliteDirOf(dataDir) }));
  const store = new LocalEvidenceStore(join(dataDir, 'evidence'));
  await store.sweepStaging();
  const app = await buildApp(
    {
      db: database.db,
      catalogue,
      store,
      auth: createAuth(database.db, {
        secret: await authSecret(join(dataDir, 'auth-secret')),
        baseURL: options.baseURL ?? process.env.MICA_AUDIT_BASE_URL ?? 'http://127.0.0.1:3000',
      }),
      uploadLimit: options.uploadLimit ?? DEFAULT_UPLOAD_LIMIT,
      allowSignUp: options.allowSignUp ?? true,
    },
    { logger: options.logger },
  );
  return {
    app,
    database,
    dataDir,
    services: { store, catalogue },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
