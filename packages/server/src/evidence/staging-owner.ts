import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Who staged a file. Several server processes may share one evidence store (one data directory, or one bucket), so a
 * process must never sweep another's upload in flight; staged names therefore start with `<host>-<pid>-<nonce>__`.
 * A leftover is a staged item whose writer is provably gone (same host, and its process no longer runs, or the pid
 * now belongs to a newer process), or one older than the grace period (its writer is on another host, or alive but
 * leaked it).
 */
const HOST = hostname().replace(/[^A-Za-z0-9.]/g, '-') || 'host';
const NONCE = randomBytes(4).toString('hex');

/** This process's staging owner tag. */
export const STAGING_OWNER = `${HOST}-${process.pid}-${NONCE}`;

const OWNED = /^(.+)-(\d+)-([0-9a-f]{8})__/;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A fresh staged name owned by this process. */
export function stagedName(unique: string): string {
  return `${STAGING_OWNER}__${unique}`;
}

/** Whether the staged item `name`, last modified at `modifiedAt` (ms), may be deleted. */
export function isStagingLeftover(name: string, modifiedAt: number, cutoff: number): boolean {
  if (modifiedAt < cutoff) return true;
  const match = OWNED.exec(name);
  // A name without an owner comes from an older version of mica-audit, which staged nothing concurrently.
  if (match === null) return true;
  const [, host, pid, nonce] = match;
  if (host !== HOST || nonce === NONCE) return false;
  return Number(pid) === process.pid || !running(Number(pid));
}
