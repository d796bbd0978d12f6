import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readManifest, verifyManifest, type Manifest } from '@mica-audit/report';
import { afterEach, describe, expect, it } from 'vitest';
import { hex, ManifestError, parseManifest, verifyFiles, type GivenFile } from './verify.ts';

const sha = (data: string) => createHash('sha256').update(data).digest('hex');
const CONTENT: Readonly<Record<string, string>> = {
  'report-en.pdf': '%PDF-1.7 the report',
  'findings-en.xlsx': 'PK spreadsheet',
  'snapshot.json': '{"engagement":1}',
};
const manifest: Manifest = {
  manifestVersion: 1,
  engagementId: 'eng-1',
  reportVersion: '2',
  issuedOn: '2026-11-22',
  auditLogHead: 'f'.repeat(64),
  files: Object.entries(CONTENT).map(([file, data]) => ({ file, sha256: sha(data), size: data.length })),
};
const given = (name: string, data: string): GivenFile => ({ name, size: data.length, sha256: sha(data) });

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

/** A deliverables folder holding `manifest.json` and `files`. */
async function folder(files: Readonly<Record<string, string>>, manifestText = JSON.stringify(manifest)) {
  const dir = await mkdtemp(join(tmpdir(), 'mica-web-verify-'));
  dirs.push(dir);
  await writeFile(join(dir, 'manifest.json'), manifestText);
  for (const [name, data] of Object.entries(files)) await writeFile(join(dir, name), data);
  return dir;
}

/** What `mica-audit report verify` says about that folder. */
async function cliVerdict(files: Readonly<Record<string, string>>) {
  return { result: await verifyManifest(await folder(files)) };
}

describe('verifyFiles', () => {
  it('finds every file intact when nothing changed, like the CLI', async () => {
    const files = Object.entries(CONTENT).map(([n, d]) => given(n, d));
    const result = verifyFiles(manifest, [...files, given('manifest.json', JSON.stringify(manifest))]);
    expect(result.files.map((f) => f.state)).toEqual(['intact', 'intact', 'intact']);
    const { files: _files, ...summary } = result;
    expect(summary).toEqual((await cliVerdict(CONTENT)).result);
  });

  it('names altered (same size or not), missing and extra files exactly as the CLI does', async () => {
    const delivered = {
      'report-en.pdf': '%PDF-1.7 the rep0rt', // same size, other bytes
      'snapshot.json': '{"engagement":12}', // one byte longer
      'notes.txt': 'slipped in',
      'a-readme.md': 'also slipped in',
    };
    const result = verifyFiles(
      manifest,
      Object.entries(delivered).map(([n, d]) => given(n, d)),
    );
    expect(result.files.map((f) => [f.file, f.state])).toEqual([
      ['report-en.pdf', 'altered'],
      ['findings-en.xlsx', 'missing'],
      ['snapshot.json', 'altered'],
      ['a-readme.md', 'extra'],
      ['notes.txt', 'extra'],
    ]);
    const { files: _files, ...summary } = result;
    expect(summary).toEqual((await cliVerdict(delivered)).result);
    expect(summary.ok).toBe(false);
  });

  it('keeps what the manifest expected beside what was given, for the altered file', () => {
    const result = verifyFiles(manifest, [given('report-en.pdf', 'other')]);
    const altered = result.files[0];
    expect(altered?.expected?.size).toBe(CONTENT['report-en.pdf']?.length);
    expect(altered?.actual?.size).toBe(5);
  });
});

describe('parseManifest', () => {
  it('reads a manifest the report package wrote', () => {
    expect(parseManifest(`${JSON.stringify(manifest, null, 2)}\n`)).toEqual(manifest);
  });

  it.each([
    ['not json', '', /not valid JSON/],
    [JSON.stringify({ ...manifest, manifestVersion: 2 }), 'manifestVersion', /expected 1/],
    [JSON.stringify({ ...manifest, signedBy: 'me' }), 'signedBy', /unexpected field/],
    [JSON.stringify({ ...manifest, issuedOn: '22/11/2026' }), 'issuedOn', /YYYY-MM-DD/],
    [JSON.stringify({ ...manifest, auditLogHead: '' }), 'auditLogHead', /non-empty/],
    [
      JSON.stringify({ ...manifest, files: [{ file: 'a', sha256: 'ABC', size: 1 }] }),
      'files[0].sha256',
      /hexadecimal/,
    ],
    [
      JSON.stringify({ ...manifest, files: [{ file: 'a', sha256: 'a'.repeat(64), size: -1 }] }),
      'files[0].size',
      /whole number/,
    ],
  ])('refuses %s, naming %s, where the CLI refuses too', async (text, path, message) => {
    let error: unknown;
    try {
      parseManifest(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ManifestError);
    expect((error as ManifestError).path).toBe(path);
    expect((error as ManifestError).message).toMatch(message);
    await expect(readManifest(await folder({}, text))).rejects.toThrow(/the manifest itself was altered/);
  });
});

describe('hex', () => {
  it('writes a digest as lower-case hex', () => {
    expect(hex(new Uint8Array([0, 15, 255]).buffer)).toBe('000fff');
  });
});
