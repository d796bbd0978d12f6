import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A foreign key column: `table.column` references `refTable`. */
export interface ForeignKey {
  readonly table: string;
  readonly column: string;
  readonly refTable: string;
}

/** The part of the schema a backup needs, read from information_schema so tables added later are covered. */
export interface SchemaGraph {
  /** Tables holding tenant rows (a column `organisation_id`), parents before children. */
  readonly tenantTables: readonly string[];
  readonly foreignKeys: readonly ForeignKey[];
}

/** Per-user tables that travel with the users of an organisation (sessions and API tokens do not: re-issue them). */
export const USER_TABLES = ['auth_accounts', 'auth_two_factors'] as const;

/**
 * References a trigger checks once per statement instead of a declared foreign key (migration
 * 20261122190000-findings-references-per-statement): information_schema does not show them, yet a restore must insert
 * these parents before the findings that name them.
 */
const CHECKED_BY_TRIGGER: readonly ForeignKey[] = [
  { table: 'findings', column: 'asset_id', refTable: 'assets' },
  { table: 'findings', column: 'engagement_id', refTable: 'engagements' },
  { table: 'findings', column: 'import_id', refTable: 'imports' },
];

/** Tables never copied as tenant rows: the global chain is re-appended entry by entry. */
const NOT_TENANT = new Set(['audit_log', 'organisations']);

/** Reads the tenant tables and foreign keys of the current schema. */
export async function readSchemaGraph(db: Db): Promise<SchemaGraph> {
  const tables = await sql<{ table: string }>`
    select c.table_name as "table" from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = current_schema() and c.column_name = 'organisation_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(db);
  const keys = await sql<ForeignKey>`
    select kcu.table_name as "table", kcu.column_name as "column", ccu.table_name as "refTable"
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu
      on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()
    order by 1, 2`.execute(db);
  const tenant = tables.rows.map((r) => r.table).filter((t) => !NOT_TENANT.has(t));
  const foreignKeys = [...keys.rows, ...CHECKED_BY_TRIGGER];
  return { tenantTables: parentsFirst(tenant, foreignKeys), foreignKeys };
}

/** Orders tables so every referenced table comes before the tables that reference it (self-references aside). */
function parentsFirst(tables: readonly string[], keys: readonly ForeignKey[]): string[] {
  const pending = new Set(tables);
  const out: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter((t) =>
      keys.every((k) => k.table !== t || k.refTable === t || !pending.has(k.refTable)),
    );
    // A cycle between tables cannot be ordered; take them alphabetically and let the database object.
    const next = ready.length > 0 ? ready : [...pending].slice(0, 1);
    for (const t of next.sort()) {
      out.push(t);
      pending.delete(t);
    }
  }
  return out;
}

/** Quotes an identifier read from information_schema (only letters, digits and underscores are expected). */
export function ident(name: string): ReturnType<typeof sql.id> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table or column name: ${name}`);
  return sql.id(name);
}
