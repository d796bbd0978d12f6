/**
 * Invitation tokens are stored hashed; the mail job still needs the token itself to put it in the e-mail. The job's
 * payload therefore carries it sealed (AES-256-GCM under a key derived from the server's auth secret), so a copy of
 * the database alone — a backup, a replica — holds no usable invitation link.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** Derives the sealing key from the auth secret (HKDF-SHA-256, a purpose-specific label). */
export function sealKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'mica-audit', 'invitation token seal v1', 32));
}

/** Encrypts and authenticates a token: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function seal(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Decrypts a sealed token; throws when it was sealed under another secret or altered. */
export function unseal(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || body === undefined)
    throw new Error('sealed invitation token: unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new Error(
      'sealed invitation token: cannot be opened with this server secret (was the auth secret changed?); resend the invitation',
    );
  }
}
