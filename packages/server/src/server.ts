import { homedir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Catalogue } from '@mica-audit/core';
import { loadValidCatalogue } from '@mica-audit/catalog';
import { authSecret, createAuth } from './auth/better-auth.ts';
import { openDatabase, pgliteDirOf, type DatabaseHandle } from './db/connect.ts';
import { evidenceStoreSettings, openEvidenceStore } from './evidence/config.ts';
import { DEFAULT_ORPHAN_GRACE_MS } from './evidence/gc.ts';
import { runEvidenceMaintenance, type EvidenceMaintenanceOptions } from './evidence/gc-schedule.ts';
import type { EvidenceStore } from './evidence/store.ts';
import { buildApp } from './http/app.ts';
import { mailSettings } from './mail/config.ts';
import { createMailService, type MailServiceOptions } from './mail/service.ts';

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
  /** `local` (under the data directory) or `s3` (MICA_AUDIT_S3_*); default MICA_AUDIT_EVIDENCE_STORE, else local. */
  readonly evidenceStore?: string | undefined;
  /** A store already open (tests); it is closed with the workspace. */
  readonly store?: EvidenceStore | undefined;
  /** Timing of the periodic evidence sweep (see evidence/gc-schedule.ts); defaults to hourly, one hour of grace. */
  readonly evidenceSweep?: Pick<EvidenceMaintenanceOptions, 'everyMs' | 'olderThanMs' | 'checkEveryMs'>;
  /** SMTP, sender and public URL for invitation e-mail; each defaults to its MICA_AUDIT_* variable (mail/config.ts). */
  readonly mail?: MailServiceOptions | undefined;
}

export interface Workspace {
  readonly app: FastifyInstance;
  readonly database: DatabaseHandle;
  readonly dataDir: string;
  readonly services: { readonly store: EvidenceStore; readonly catalogue: Catalogue };
  close(): Promise<void>;
}

/** Opens the workspace: database (migrated), catalogue, evidence store and the HTTP app, ready to listen or inject. */
export async function openWorkspace(options: WorkspaceOptions = {}): Promise<Workspace> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const catalogue = options.catalogue ?? (await loadValidCatalogue());
  // Mail settings are checked before anything is opened, so a typo in MICA_AUDIT_SMTP_URL fails start-up at once.
  mailSettings(options.mail);
  // The store first: a configuration mistake (a missing MICA_AUDIT_S3_* variable) fails before anything is opened.
  const store =
    options.store ??
    (await openEvidenceStore(evidenceStoreSettings({ kind: options.evidenceStore, dataDir })));
  const database =
    options.database ??
    (await openDatabase({ databaseUrl, pgliteDir: pgliteDirOf(dataDir) }).catch(async (error: unknown) => {
      await store.close();
      throw error;
    }));
  const olderThanMs = options.evidenceSweep?.olderThanMs ?? DEFAULT_ORPHAN_GRACE_MS;
  // Leftovers of crashed processes of this host go at once; other hosts' uploads may still be in flight.
  await store.sweepStaging({ olderThanMs });
  const secret = await authSecret(join(dataDir, 'auth-secret'));
  const baseURL = options.baseURL ?? process.env.MICA_AUDIT_BASE_URL ?? 'http://127.0.0.1:3000';
  const app = await buildApp(
    {
      db: database.db,
      changes: database.changes,
      catalogue,
      store,
      auth: createAuth(database.db, { secret, baseURL }),
      // Without a public URL the link stays relative (the web app makes it absolute on its own origin): the
      // listening address (port 0, a container's host name) is rarely what people open.
      mail: createMailService(options.mail ?? {}, secret, process.env.MICA_AUDIT_BASE_URL),
      uploadLimit: options.uploadLimit ?? DEFAULT_UPLOAD_LIMIT,
      allowSignUp: options.allowSignUp ?? true,
      dataDir,
    },
    { logger: options.logger },
  );
  // Content no row refers to (a crash between the file commit and the transaction commit): swept at start-up and
  // periodically, by one process at a time.
  runEvidenceMaintenance(app, { db: database.db, store, ...options.evidenceSweep, olderThanMs });
  return {
    app,
    database,
    dataDir,
    services: { store, catalogue },
    async close() {
      await app.close();
      await store.close();
      await database.close();
    },
  };
}
