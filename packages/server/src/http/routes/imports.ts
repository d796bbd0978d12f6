import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { DomainError, isDomainError } from '@mica-audit/core';
import { detectFileFormat, importFile } from '@mica-audit/importers';
import { inTransaction } from '../../commands/context.ts';
import { checkImportTarget, inFile, listImports, type ImportFileInput } from '../../commands/imports.ts';
import { enqueueImport } from '../../commands/imports-job.ts';
import {
  newStagingFolder,
  removeStaging,
  stagingRoot,
  sweepStaging,
} from '../../commands/imports-staging.ts';
import { wakeJobWorker } from '../../jobs/server-jobs.ts';
import { route, type AnyRoute } from '../route.ts';
import { engagementParams } from './common.ts';

const MAX_FILES = 50;
const base = '/api/organisations/:organisationId/engagements/:engagementId/imports';

/** A 413 through the error handler's statusCode path (code `request.too_large`). */
function tooLarge(limit: number): Error {
  return Object.assign(new Error(`the upload exceeds the import limit of ${limit} bytes: split the scan`), {
    statusCode: 413,
  });
}

/**
 * Streams every file part into `dir` (file `i` of the upload as `dir/i`), hashing on the way, and stops at `limit`
 * bytes in total (a declared Content-Length over the limit is refused before reading).
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
    await pipeline(part.file, meter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
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

/** One entry of the detect answer: the CLI's `import --dry-run --json` contract. */
interface Detection {
  readonly file: string;
  readonly format: string | null;
  readonly tool: string | null;
  readonly findings: number;
  readonly assets: number;
  readonly errors: string[];
}

async function detect(file: ImportFileInput, maxBytes: number): Promise<Detection> {
  try {
    const result = await importFile(file.path, { maxBytes });
    const { format, tool, findings, assets } = result;
    return {
      file: file.fileName,
      format,
      tool,
      findings: findings.length,
      assets: assets.length,
      errors: [],
    };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { file: file.fileName, format: null, tool: null, findings: 0, assets: 0, errors: [error.message] };
  }
}

/** Tool file imports: upload and queue (a job), dry-run detection, and the record of past imports. */
export function importRoutes(): AnyRoute[] {
  return [
    route({
      method: 'POST',
      url: base,
      summary:
        'Import security tool outputs (multipart, one or more file parts; format detected from content): the files are staged and a job parses, deduplicates, reconciles and stores them, all or nothing. Answers 202 { jobId, files }; poll GET /api/organisations/:organisationId/jobs/:jobId',
      tag: 'findings',
      status: 202,
      multipart: true,
      params: engagementParams,
      handler: async ({ actor, params, request, reply }, context) => {
        const { db, uploadLimit } = context;
        // Checked before a byte is read, so a forbidden upload never reaches the disk.
        await checkImportTarget({ actor, input: params, tx: db });
        const root = stagingRoot(context.dataDir);
        await sweepStaging(db, root).catch((error: unknown) =>
          request.log.warn({ err: error }, 'sweeping import staging folders'),
        );
        const staging = await newStagingFolder(root);
        try {
          const files = await receiveFiles(request, staging.dir, uploadLimit);
          // An unrecognisable file is refused now, naming it, rather than failing the job later.
          for (const file of files)
            await detectFileFormat(file.path).catch((e: unknown) => {
              throw inFile(file.fileName, e);
            });
          const job = await inTransaction(db, (tx) =>
            enqueueImport({
              actor,
              input: {
                ...params,
                staging: staging.id,
                files: files.map(({ fileName, sha256, size }) => ({ fileName, sha256, size })),
                maxBytes: uploadLimit,
              },
              tx,
            }),
          );
          wakeJobWorker(db);
          void reply.header('location', `/api/organisations/${params.organisationId}/jobs/${job.id}`);
          return {
            jobId: job.id,
            files: files.map(({ fileName, sha256, size }) => ({ file: fileName, sha256, size })),
          };
        } catch (error) {
          await removeStaging(root, staging.id);
          throw error;
        }
      },
    }),
    route({
      method: 'POST',
      url: `${base}/detect`,
      summary:
        'Detect and count without storing (multipart file parts): [{ file, format, tool, findings, assets, errors }], the contract of `mica-audit import --dry-run --json`',
      tag: 'findings',
      multipart: true,
      params: engagementParams,
      handler: async ({ actor, params, request }, context) => {
        await checkImportTarget({ actor, input: params, tx: context.db });
        const root = stagingRoot(context.dataDir);
        const staging = await newStagingFolder(root);
        try {
          const files = await receiveFiles(request, staging.dir, context.uploadLimit);
          const entries: Detection[] = [];
          for (const file of files) entries.push(await detect(file, context.uploadLimit));
          return entries;
        } finally {
          await removeStaging(root, staging.id);
        }
      },
    }),
    route({
      method: 'GET',
      url: base,
      summary: 'The tool files imported into the engagement, newest first',
      tag: 'findings',
      params: engagementParams,
      handler: ({ actor, params }, { db }) => listImports({ actor, input: params, tx: db }),
    }),
  ];
}
