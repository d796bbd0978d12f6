import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { freshDatabase, skipKind } from '../test/databases.ts';
import { binaryCopyChunks, type BinaryType } from './imports-binary.ts';
import { inImportTransaction, type Cell } from './imports-bulk.ts';

const COLUMNS: readonly (readonly [string, BinaryType])[] = [
  ['t', 'text'],
  ['j', 'jsonb'],
  ['r', 'real'],
  ['at', 'timestamptz'],
];

interface Row {
  readonly t: string | null;
  readonly j: unknown;
  readonly r: number | null;
  readonly at: Date | null;
}

describe.skipIf(skipKind('postgres'))('binary COPY of import rows into PostgreSQL', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await freshDatabase('postgres');
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
  }, 60_000);

  async function roundTrip(rows: readonly (readonly Cell[])[]): Promise<Row[]> {
    return inImportTransaction(handle.db, async (tx, writer) => {
      await sql`create temp table binary_rows (n serial, t text, j jsonb, r real, at timestamptz) on commit drop`.execute(
        tx,
      );
      if (writer.writeBinary === undefined) throw new Error('PostgreSQL writer without binary COPY');
      await writer.writeBinary('binary_rows', COLUMNS, rows);
      const read = await sql<Row>`select t, j, r, at from binary_rows order by n`.execute(tx);
      return read.rows;
    });
  }

  it('keeps text, JSON, numbers, timestamps and nulls exactly as given (NUL becomes U+FFFD)', async () => {
    const tricky = 'tab\there, line\nbreak, back\\slash, "quotes", é€ 😀, nul\u0000byte';
    const rows = await roundTrip([
      [
        tricky,
        JSON.stringify({ text: tricky.replace('\u0000', ''), n: [1, 2] }),
        7.5,
        '2026-11-22T19:00:00.123Z',
      ],
      ['', '[]', 0, '1999-12-31T23:59:59.999Z'],
      [null, null, null, null],
      ['x', '{}', Number.NaN, '2000-01-01T00:00:00.000Z'],
    ]);
    expect(rows).toEqual([
      {
        t: tricky.replace('\u0000', '\uFFFD'),
        j: { text: tricky.replace('\u0000', ''), n: [1, 2] },
        r: 7.5,
        at: new Date('2026-11-22T19:00:00.123Z'),
      },
      { t: '', j: [], r: 0, at: new Date('1999-12-31T23:59:59.999Z') },
      { t: null, j: null, r: null, at: null },
      { t: 'x', j: {}, r: null, at: new Date('2000-01-01T00:00:00.000Z') },
    ]);
  });

  it('writes many rows across chunks, all of them in order', async () => {
    const wide = 'ü'.repeat(700);
    const rows = Array.from({ length: 3000 }, (_, i): Cell[] => [
      `${i}:${wide}`,
      JSON.stringify({ i }),
      i / 4,
      '2026-01-01T00:00:00.000Z',
    ]);
    const chunks = [...binaryCopyChunks(COLUMNS, rows)];
    expect(chunks.length).toBeGreaterThan(2);
    const read = await roundTrip(rows);
    expect(read).toHaveLength(3000);
    expect(read.map((r) => r.t)).toEqual(rows.map((r) => r[0]));
    expect(read.map((r) => r.r)).toEqual(rows.map((r) => r[2]));
  });

  it('refuses a row of the wrong width or a timestamp it cannot read, naming the column', () => {
    expect(() => [...binaryCopyChunks(COLUMNS, [['only one']])]).toThrow('a row of 1 cells for 4 columns');
    expect(() => [...binaryCopyChunks(COLUMNS, [['t', '{}', 1, 'yesterday']])]).toThrow(
      'at: not a timestamp',
    );
  });
});
