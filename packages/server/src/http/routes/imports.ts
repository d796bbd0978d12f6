import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@mica-audit/core';
import { checkImportTarget, importFiles, listImports, type ImportFileInput } from '../../commands/imports.ts';
import { route, type AnyRoute } from '../route.ts';
import { engagementParams } from './common.ts';

const MAX_FILES = 50;

/** A 413 through the error handler's statusCode path (code `request.too_large`). */
function tooLarge(limit: number): Error {
  return Object.assign(new Error(`the upload exceeds the import limit of ${limit} bytes: split the scan`), {
    statusCode: 413,
  });
}

/**
 * Streams every file part to a private temporary folder, hashing on the way, and stops at `limit` bytes in total
 * (a declared Content-Length over the limit is refused before reading). The caller removes the folder.
 */
async function receiveFiles(request: FastifyRequest, dir: string, limit: number): Promise<ImportFileInput[]> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit + 64 * 1024) throw tooLarge(limit);
  if (!request.isMultipart())
    throw new DomainError('import.not_multipart', 'send the tool files as multipart/form-data file parts');
  const files: ImportFileInput[] = [];
  let total = 0;
  for await (const part of request.files({ limits: { fileSize: limit, files: MAX_FILES } })) {
    const path = join(dir, String(files.length));
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (total + size > limit) {
          done(tooLarge(limit));
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(part.file, meter, createWriteStream(path, { flags: 'wx' }));
    if (part.file.truncated) throw tooLarge(limit);
    total += size;
    files.push({
      path,
      fileName: part.filename || `file-${files.length + 1}`,
      sha256: hash.digest('hex'),
      size,
    });
  }
  if (files.length === 0)
    throw new DomainError('import.no_file', 'file: the multipart body has no file part', { path: 'file' });
  return files;
}

/** Tool file imports: upload, parse, reconcile and store, all or nothing; and the record of past imports. */
export function importRoutes(): AnyRoute[] {
  return [
    route({
      method: 'POST',
      url: '/api/organisations/:organisationId/engagements/:engagementId/imports',
      summary:
        'Import security tool outputs (multipart, one or more file parts; format detected from content): findings deduplicated, reconciled and mapped to requirements, all or nothing',
      tag: 'findings',
      multipart: true,
      params: engagementParams,
      handler: async ({ actor, params, request }, context) => {
        // Checked before a byte is read, so a forbidden upload never reaches the disk.
        await checkImportTarget({ actor, input: params, tx: context.db });
        const dir = await mkdtemp(join(tmpdir(), 'mica-import-'));
        try {
          const files = await receiveFiles(request, dir, context.uploadLimit);
          const summaries = await importFiles(context.db, actor, {
            ...params,
            files,
            maxBytes: context.uploadLimit,
          });
          return summaries.map(
            ({ file, format, tool, findings, new: fresh, updated, fixed, assets, importId, sha256 }) => ({
              file,
              format,
              tool,
              findings,
              new: fresh,
              updated,
              fixed,
              assets,
              importId,
              sha256,
            }),
          );
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    }),
    route({
      method: 'GET',
      url: '/api/organisations/:organisationId/engagements/:engagementId/imports',
      summary: 'The tool files imported into the engagement, newest first',
      tag: 'findings',
      params: engagementParams,
      handler: ({ actor, params }, { db }) => listImports({ actor, input: params, tx: db }),
    }),
  ];
}
