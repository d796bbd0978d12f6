import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseContent, reconcile, type Finding, type StatusChange } from '@mica-audit/importers';
import type { DatabaseHandle } from '../db/connect.ts';
import { DATABASE_KINDS, freshDatabase, skipKind } from '../test/databases.ts';
import { importFiles } from './imports.ts';
import { seedImportTarget, type ImportTarget } from './imports-test-seed.ts';

interface Result {
  readonly rule: string;
  readonly line?: number;
  /** A suppression the tool reports: `accepted`, or `false positive` in its justification. */
  readonly suppressed?: 'accepted' | 'false-positive';
}

/** A SARIF log of one tool on one repository (the repository is the file's asset). */
function log(tool: string, results: readonly Result[], repo = 'https://git.example.com/app'): string {
  return JSON.stringify({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool, rules: [] } },
        versionControlProvenance: [{ repositoryUri: repo }],
        results: results.map((r) => ({
          ruleId: r.rule,
          level: 'warning',
          message: { text: `${r.rule} found` },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: 'src/a.ts' }, region: { startLine: r.line ?? 1 } },
            },
          ],
          ...(r.suppressed === undefined
            ? {}
            : {
                suppressions: [
                  {
                    kind: 'inSource',
                    justification: r.suppressed === 'accepted' ? 'risk accepted' : 'false positive',
                  },
                ],
              }),
        })),
      },
    ],
  });
}

interface State {
  readonly tool: string;
  readonly asset: string;
  readonly status: string;
  readonly history: readonly (readonly [string, string])[];
}

/**
 * The oracle: what the importers' pure `reconcile()` says a file does to the stored findings, tool by tool, scoped
 * to the assets the file covers (the semantics the server had before imports went through SQL).
 */
function expected(before: ReadonlyMap<string, State>, content: string) {
  const result = parseContent(content, { now: 'T' });
  const previous = [...before].map(
    ([fingerprint, s]) =>
      ({
        fingerprint,
        tool: s.tool,
        asset: s.asset,
        status: s.status,
        statusHistory: s.history.map(([status, reason]) => ({ status, reason, at: 'T' })) as StatusChange[],
      }) as unknown as Finding,
  );
  const after = new Map(before);
  const counts = { new: 0, updated: 0, fixed: 0 };
  const byTool = Map.groupBy(result.findings, (f) => f.tool);
  if (!byTool.has(result.tool)) byTool.set(result.tool, []);
  for (const [tool, incoming] of byTool) {
    const assetScope = [...new Set([...incoming.map((f) => f.asset), ...result.assets.map((a) => a.key)])];
    const changes = reconcile(previous, incoming, { tool, assetScope }, 'T');
    counts.new += changes.new.length;
    counts.updated += changes.stillPresent.length;
    counts.fixed += changes.fixed.length;
    for (const f of [...changes.new, ...changes.stillPresent, ...changes.fixed])
      after.set(f.fingerprint, {
        tool: before.get(f.fingerprint)?.tool ?? f.tool,
        asset: before.get(f.fingerprint)?.asset ?? f.asset,
        status: f.status,
        history: f.statusHistory.map((c) => [c.status, c.reason ?? ''] as const),
      });
  }
  return { after, counts };
}

describe.each(DATABASE_KINDS)('merging imports into the findings tables on %s', (kind) => {
  let handle: DatabaseHandle;
  let target: ImportTarget;
  let dir: string;
  let written = 0;
  const test = it.skipIf(skipKind(kind));

  beforeAll(async () => {
    if (skipKind(kind)) return;
    handle = await freshDatabase(kind);
    target = await seedImportTarget(handle.db, 5);
    dir = await mkdtemp(join(tmpdir(), 'mica-imports-write-'));
  }, 120_000);
  afterAll(async () => {
    if (skipKind(kind)) return;
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  async function importLogs(engagementId: string, contents: readonly string[]) {
    const files = await Promise.all(
      contents.map(async (content) => {
        const path = join(dir, `scan-${(written += 1)}.sarif`);
        await writeFile(path, content);
        return { path, fileName: path, sha256: '0'.repeat(64), size: Buffer.byteLength(content) };
      }),
    );
    return importFiles(handle.db, target.actor, {
      organisationId: target.organisationId,
      engagementId,
      files,
    });
  }
  async function stored(engagementId: string): Promise<Map<string, State>> {
    const rows = await handle.db
      .selectFrom('findings')
      .select(['fingerprint', 'source', 'asset_key', 'status', 'status_history'])
      .where('engagement_id', '=', engagementId)
      .execute();
    return new Map(
      rows.map((r) => [
        r.fingerprint,
        {
          tool: r.source,
          asset: r.asset_key ?? '',
          status: r.status,
          history: (r.status_history as StatusChange[]).map((c) => [c.status, c.reason ?? ''] as const),
        },
      ]),
    );
  }

  test('scan after scan, the stored findings are what reconcile() says: new, seen, fixed, reopened, suppressed', async () => {
    const engagementId = target.engagementIds[0] ?? '';
    const scans: readonly (readonly string[])[] = [
      [
        log('Scanner', [
          { rule: 'r1' },
          { rule: 'r2' },
          { rule: 'r3' },
          { rule: 'r4', suppressed: 'accepted' },
        ]),
      ],
      [log('Scanner', [{ rule: 'r1' }, { rule: 'r2', suppressed: 'false-positive' }])],
      [log('Scanner', [{ rule: 'r1' }, { rule: 'r3' }]), log('Other', [{ rule: 'o1' }, { rule: 'r1' }])],
      [log('Scanner', [{ rule: 'r5' }], 'https://git.example.com/elsewhere')],
      [log('SCANNER', [])],
    ];
    for (const scan of scans) {
      let want = await stored(engagementId);
      const counts = [];
      for (const content of scan) {
        const step = expected(want, content);
        want = step.after;
        counts.push(step.counts);
      }
      const summaries = await importLogs(engagementId, scan);
      expect(summaries.map(({ new: n, updated, fixed }) => ({ new: n, updated, fixed }))).toEqual(counts);
      expect(await stored(engagementId)).toEqual(want);
    }
    // The last, clean scan of the same tool (any case) fixed what it covered and left the other repository alone.
    const final = [...(await stored(engagementId)).values()];
    expect(final.filter((s) => s.tool === 'Scanner' && s.status === 'open').map((s) => s.asset)).toEqual([
      'https://git.example.com/elsewhere',
    ]);
    expect(final.some((s) => s.status === 'false-positive')).toBe(true);
  });

  test('a later file of the same import sees what an earlier one stored', async () => {
    const engagementId = target.engagementIds[1] ?? '';
    const scan = log('Scanner', [{ rule: 'a' }, { rule: 'b', line: 7 }]);
    const [first, second] = await importLogs(engagementId, [scan, scan]);
    expect(first).toMatchObject({ new: 2, updated: 0, fixed: 0 });
    expect(second).toMatchObject({ new: 0, updated: 2, fixed: 0 });
    expect((await stored(engagementId)).size).toBe(2);
  });

  test('two imports of one empty engagement at once both succeed, one after the other', async () => {
    const engagementId = target.engagementIds[4] ?? '';
    const scan = log('Concurrent', [{ rule: 'a' }, { rule: 'b', line: 2 }, { rule: 'c', line: 3 }]);
    const [first, second] = await Promise.all([
      importLogs(engagementId, [scan]),
      importLogs(engagementId, [scan]),
    ]);
    const summaries = [first?.[0], second?.[0]].sort((x, y) => (y?.new ?? 0) - (x?.new ?? 0));
    expect(summaries[0]).toMatchObject({ findings: 3, new: 3, updated: 0 });
    expect(summaries[1]).toMatchObject({ findings: 3, new: 0, updated: 3 });
    expect([...(await stored(engagementId)).keys()].length).toBe(3);
  });

  test('a clean first scan of an empty engagement records the import and stores nothing', async () => {
    const engagementId = target.engagementIds[3] ?? '';
    const [summary] = await importLogs(engagementId, [log('Scanner', [])]);
    expect(summary).toMatchObject({ findings: 0, new: 0, updated: 0, fixed: 0, assets: 1 });
    expect((await stored(engagementId)).size).toBe(0);
  });

  test('text PostgreSQL cannot hold (NUL) is stored as U+FFFD, escapes and tabs survive intact', async () => {
    const engagementId = target.engagementIds[2] ?? '';
    const tricky = 'tab\there, nul\u0000byte, back\\slash, "quotes", é€\nsecond line';
    const content = JSON.parse(log('Scanner', [{ rule: 'weird' }])) as {
      runs: { results: { message: { text: string } }[] }[];
    };
    const result = content.runs[0]?.results[0];
    if (result !== undefined) result.message.text = tricky;
    await importLogs(engagementId, [JSON.stringify(content)]);
    const row = await handle.db
      .selectFrom('findings')
      .select(['title', 'detail'])
      .where('engagement_id', '=', engagementId)
      .executeTakeFirstOrThrow();
    expect((row.detail as { description: string }).description).toBe(tricky.replace('\u0000', '\uFFFD'));
    expect(row.title).toBe('tab here, nul\uFFFDbyte, back\\slash, "quotes", é€');
  });
});
