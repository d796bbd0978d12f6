import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The built web app (`npm run build -w @mica-audit/web`); MICA_WEB_DIST points elsewhere. */
export const WEB_DIST =
  process.env.MICA_WEB_DIST ?? fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// The app loads only its own scripts and styles; React sets inline styles through the CSSOM, which CSP allows.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('content-security-policy', CSP);
}

/**
 * Serves the single-page app at `/`: files of the build as they are (hashed assets cached for a year), and
 * index.html for any other path outside `/api`, so deep links reach the client router. Registers nothing when the
 * app is not built, leaving the API as it was.
 */
export async function webStatic(
  app: FastifyInstance,
  options: { readonly root?: string } = {},
): Promise<void> {
  const root = resolve(options.root ?? WEB_DIST);
  let index: Buffer;
  try {
    index = await readFile(join(root, 'index.html'));
  } catch {
    return;
  }
  app.get('/*', async (request, reply) => {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (path === '/api' || path.startsWith('/api/'))
      return reply
        .status(404)
        .send({ error: { code: 'route.not_found', message: `no route ${request.method} ${path}` } });
    const file = resolve(root, `.${path}`);
    if (path !== '/' && file.startsWith(root + sep)) {
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile() === true) {
        const immutable = file.startsWith(join(root, 'assets') + sep);
        return secure(reply)
          .type(TYPES[extname(file)] ?? 'application/octet-stream')
          .header('content-length', info.size)
          .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
          .send(createReadStream(file));
      }
    }
    if (path.startsWith('/assets/')) return reply.status(404).type('text/plain').send('not found');
    return secure(reply)
      .type(TYPES['.html'] ?? 'text/html')
      .header('cache-control', 'no-cache')
      .send(index);
  });
}
