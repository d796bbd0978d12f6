import type { Kysely, Transaction } from 'kysely';
import { DomainError, type Actor } from '@mica-audit/core';
import type { Database } from '../db/schema.ts';

/** What a read-only command receives: `tx` is a transaction or the database itself (reads need no transaction). */
export interface QueryProps<I> {
  readonly actor: Actor;
  readonly input: I;
  readonly tx: Kysely<Database>;
}

/** What every command receives: who asks, what they asked (already validated), and the transaction to work in. */
export interface CommandProps<I> {
  readonly actor: Actor;
  readonly input: I;
  readonly tx: Transaction<Database>;
}

/** Input of every command that works inside one organisation. */
export interface InOrganisation {
  readonly organisationId: string;
}

/** Runs `work` in one transaction: every write of a request commits or rolls back together, audit entry included. */
export function inTransaction<T>(
  db: Kysely<Database>,
  work: (tx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(work);
}

/** The 404 for unknown and foreign ids alike: it never says whether the id exists elsewhere. */
export function notFound(what: string, id: string): DomainError {
  return new DomainError(
    `${what}.not_found`,
    `${what} ${id} not found: check the identifier and your organisation`,
    {
      kind: 'not_found',
    },
  );
}

/** Throws the 404 when a tenant-filtered lookup found nothing. */
export function found<T>(row: T | undefined, what: string, id: string): T {
  if (row === undefined) throw notFound(what, id);
  return row;
}
