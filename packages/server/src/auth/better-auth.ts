import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { betterAuth } from 'better-auth';
import { twoFactor } from 'better-auth/plugins/two-factor';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { hashPassword, verifyPassword } from './password.ts';

const timestamps = { createdAt: 'created_at', updatedAt: 'updated_at' };

/** The better-auth instance over our own Kysely database and migrations (its tables are in the initial migration). */
export function createAuth(
  db: Kysely<Database>,
  options: { readonly secret: string; readonly baseURL: string },
) {
  return betterAuth({
    database: { db, type: 'postgres' },
    secret: options.secret,
    baseURL: options.baseURL,
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 12,
      // Our hash (node:crypto scrypt, self-describing) so users created by the demo and by admins sign in too.
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(password, hash) },
    },
    session: {
      modelName: 'auth_sessions',
      expiresIn: 14 * 24 * 3600,
      fields: {
        userId: 'user_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        ...timestamps,
      },
    },
    user: { modelName: 'users', fields: { emailVerified: 'email_verified', ...timestamps } },
    account: {
      modelName: 'auth_accounts',
      fields: {
        userId: 'user_id',
        accountId: 'account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        ...timestamps,
      },
    },
    verification: { modelName: 'auth_verifications', fields: { expiresAt: 'expires_at', ...timestamps } },
    plugins: [
      twoFactor({
        issuer: 'mica-audit',
        schema: {
          user: { fields: { twoFactorEnabled: 'two_factor_enabled' } },
          twoFactor: {
            modelName: 'auth_two_factors',
            fields: {
              userId: 'user_id',
              backupCodes: 'backup_codes',
              failedVerificationCount: 'failed_verification_count',
              lockedUntil: 'locked_until',
            },
          },
        },
      }),
    ],
    advanced: {
      cookiePrefix: 'mica',
      database: { generateId: () => randomUUID() },
      defaultCookieAttributes: { httpOnly: true, sameSite: 'strict' },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** The name of the session cookie better-auth sets (prefix `mica`). */
export const SESSION_COOKIE = 'mica.session_token';

/**
 * The secret that signs session cookies: MICA_AUDIT_SECRET or BETTER_AUTH_SECRET when set (required when several
 * server processes share a PostgreSQL database), otherwise one generated on first start and kept in the data dir.
 */
export async function authSecret(file: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.MICA_AUDIT_SECRET ?? env.BETTER_AUTH_SECRET;
  if (fromEnv !== undefined && fromEnv.length >= 32) return fromEnv;
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    await mkdir(dirname(file), { recursive: true });
    // `wx`: when another process created the file first, keep theirs and read it back.
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    await chmod(file, 0o600);
    return (await readFile(file, 'utf8')).trim();
  }
}
