import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Actor, Catalogue } from '@mica-audit/core';
import type { Auth } from './auth/better-auth.ts';
import type { ChangeFeed } from './db/change-feed.ts';
import type { Database } from './db/schema.ts';
import type { EvidenceStore } from './evidence/store.ts';
import type { MailService } from './mail/invitation-job.ts';

/** What routes share: built once at start-up; nothing in it changes between requests. */
export interface ServerContext {
  readonly db: Kysely<Database>;
  readonly catalogue: Catalogue;
  /** better-auth: email and password, sessions in cookies. */
  readonly auth: Auth;
  readonly store: EvidenceStore;
  /** Largest evidence file accepted, in bytes. */
  readonly uploadLimit: number;
  /** Whether anyone may create an account with POST /api/auth/sign-up. */
  readonly allowSignUp: boolean;
  /** Invitation e-mail (SMTP, public URL, token sealing); absent or without a mailer, accept links go to the inviter. */
  readonly mail?: MailService | undefined;
  /** The workspace's data directory: uploaded tool files wait for their import job under it (imports-staging.ts). */
  readonly dataDir?: string | undefined;
  /** When the database changed (db/change-feed.ts); without it nothing is answered from memory. */
  readonly changes?: ChangeFeed | undefined;
  /**
   * The signed-in actor, or a 401 DomainError. With the request's settled change generation, a session already
   * resolved under that generation is not looked up again.
   */
  authenticate(request: FastifyRequest, generation?: number): Promise<Actor>;
}
