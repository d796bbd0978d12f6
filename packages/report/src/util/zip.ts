/**
 * A minimal zip reader and writer for Office files. Rewriting the archive lets the renderers set every entry's time
 * to the report date and normalise ids that libraries draw from process-wide counters, so the same snapshot gives
 * byte-identical DOCX and XLSX files.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { DomainError } from '@mica-audit/core';

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

function bad(): DomainError {
  return new DomainError(
    'report.bad_zip',
    'the office file is not a zip archive this reader understands; this is a bug in the renderer',
    { kind: 'internal' },
  );
}

/** The entries of a zip archive, in central-directory order. */
export function readZip(zip: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad();
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n += 1) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw bad();
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    entries.push({ name, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** A zip archive of `entries`, deflated, every entry dated `isoDate` 00:00. */
export function writeZip(entries: readonly ZipEntry[], isoDate: string): Buffer {
  const [y = 1980, m = 1, d = 1] = isoDate.split('-').map(Number);
  const date = ((Math.max(y, 1980) - 1980) << 9) | (m << 5) | d;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = deflateRawSync(entry.data, { level: 6 });
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Rewrites an archive: each entry through `transform` (identity by default), all dated `isoDate`. */
export function rewriteZip(
  zip: Buffer,
  isoDate: string,
  transform: (entry: ZipEntry) => Buffer = (e) => e.data,
): Buffer {
  return writeZip(
    readZip(zip).map((entry) => ({ name: entry.name, data: transform(entry) })),
    isoDate,
  );
}

/** Renumbers `_Toc<n>` bookmarks (and their `w:id`) by first appearance: docx draws them from a global counter. */
export function renumberBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  const idOf = (n: string) => {
    let id = ids.get(n);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(n, id);
    }
    return id;
  };
  return xml
    .replace(/_Toc(\d+)/g, (_, n: string) => `_Toc${idOf(n)}`)
    .replace(
      /(<w:bookmark(?:Start|End)\b[^>]*?w:id=")(\d+)"/g,
      (_, head: string, n: string) => `${head}${idOf(n)}"`,
    );
}
