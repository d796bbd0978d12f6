import { Readable } from 'node:stream';

/** How many leading bytes the sniffer looks at. */
export const SNIFF_BYTES = 1024;

const OCTET = 'application/octet-stream';

const MAGIC: readonly (readonly [RegExp, (head: Buffer) => boolean])[] = [
  [/^application\/pdf$/, (h) => h.subarray(0, 5).toString('latin1') === '%PDF-'],
  [
    /^image\/png$/,
    (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  ],
  [/^image\/jpeg$/, (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff],
  [/^image\/gif$/, (h) => h.subarray(0, 4).toString('latin1') === 'GIF8'],
  [
    /^image\/webp$/,
    (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
  ],
  // Office documents (OOXML, ODF) and zip archives are all zip containers.
  [
    /^application\/(zip|vnd\.openxmlformats-officedocument\.[a-z.]+|vnd\.oasis\.opendocument\.[a-z.]+)$/,
    (h) => h.subarray(0, 4).toString('latin1') === 'PK\x03\x04',
  ],
  [/^(text\/(plain|csv|markdown)|application\/(json|x-ndjson|sarif\+json|yaml))$/, isPlainText],
];

function isPlainText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, lastCompleteUtf8(head)));
    return true;
  } catch {
    return false;
  }
}

/** The head may end inside a multi-byte character: decode only up to the last complete one. */
function lastCompleteUtf8(head: Buffer): number {
  let end = head.length;
  for (let i = head.length - 1; i >= Math.max(0, head.length - 4); i -= 1) {
    const byte = head[i] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) end = i;
    break;
  }
  return end;
}

/** Programs: Windows PE, ELF, Mach-O (both byte orders, fat), scripts with a shebang. */
export function looksExecutable(head: Buffer): boolean {
  const four = head.subarray(0, 4).toString('hex');
  return (
    head.subarray(0, 2).toString('latin1') === 'MZ' ||
    four === '7f454c46' ||
    ['feedface', 'feedfacf', 'cefaedfe', 'cffaedfe', 'cafebabe'].includes(four) ||
    head.subarray(0, 2).toString('latin1') === '#!'
  );
}

/** Markup a browser would render and run: HTML, SVG, XML with scripts. */
export function looksLikeMarkup(head: Buffer): boolean {
  const text = head.toString('latin1').trimStart().toLowerCase();
  return /<(!doctype\s+html|html|head|body|script|iframe|svg|object|embed|\?xml)[\s>/]/.test(
    text.slice(0, SNIFF_BYTES),
  );
}

/**
 * The media type evidence is stored and served with: the declared type when it is on the allow-list and the bytes
 * agree with it, otherwise `application/octet-stream`. Executables and markup never keep a renderable type, whatever
 * was declared; the bytes are still kept as evidence (a pentest may legitimately attach a binary).
 */
export function safeMediaType(declared: string, head: Buffer): string {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  if (looksExecutable(head) || looksLikeMarkup(head)) return OCTET;
  for (const [pattern, check] of MAGIC) if (pattern.test(type)) return check(head) ? type : OCTET;
  return OCTET;
}

/** Passes a stream through unchanged while keeping its first bytes; source errors propagate. */
export function sniffing(source: Readable): { readonly stream: Readable; head(): Buffer } {
  const chunks: Buffer[] = [];
  let kept = 0;
  async function* pass(): AsyncGenerator<Buffer> {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (kept < SNIFF_BYTES) {
        chunks.push(chunk.subarray(0, SNIFF_BYTES - kept));
        kept += Math.min(chunk.length, SNIFF_BYTES - kept);
      }
      yield chunk;
    }
  }
  return { stream: Readable.from(pass()), head: () => Buffer.concat(chunks) };
}
