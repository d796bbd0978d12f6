import type { FastifyRequest } from 'fastify';
import { DomainError } from '@mica-audit/core';
import type { StagedFile } from '../../evidence/store.ts';
import { safeMediaType, sniffing } from '../../security/sniff.ts';
import type { ServerContext } from '../../server-context.ts';

export interface ReceivedUpload {
  readonly staged: StagedFile;
  readonly meta: { readonly fileName: string; readonly mediaType: string };
}

function tooLarge(limit: number): DomainError {
  return new DomainError(
    'evidence.too_large',
    `the file exceeds the upload limit of ${limit} bytes: split or compress it`,
    {
      kind: 'invalid',
    },
  );
}

/**
 * Streams the single `file` part into the store's staging area, hashing on the way. A declared Content-Length over
 * the limit is refused before reading; a stream that passes the limit is cut off and its staged copy deleted.
 */
export async function receiveUpload(
  request: FastifyRequest,
  context: ServerContext,
): Promise<ReceivedUpload> {
  const declared = Number(request.headers['content-length'] ?? 0);
  // Multipart framing adds a little; anything beyond limit + 64 KiB cannot fit.
  if (declared > context.uploadLimit + 64 * 1024) throw tooLarge(context.uploadLimit);
  if (!request.isMultipart())
    throw new DomainError(
      'evidence.not_multipart',
      'send the file as multipart/form-data in a field named "file"',
    );
  const part = await request.file({ limits: { fileSize: context.uploadLimit, files: 1 } });
  if (part === undefined)
    throw new DomainError('evidence.no_file', 'file: the multipart body has no file part');
  if (part.fieldname !== 'file')
    throw new DomainError('evidence.no_file', `file: expected the field "file", got "${part.fieldname}"`, {
      path: 'file',
    });
  let staged: StagedFile;
  const sniffer = sniffing(part.file);
  try {
    staged = await context.store.stage(sniffer.stream);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413 || part.file.truncated)
      throw tooLarge(context.uploadLimit);
    throw error;
  }
  if (part.file.truncated) {
    await staged.discard();
    throw tooLarge(context.uploadLimit);
  }
  if (staged.size === 0) {
    await staged.discard();
    throw new DomainError('evidence.empty', 'file: the file is empty', { path: 'file' });
  }
  return {
    staged,
    meta: { fileName: part.filename || 'evidence', mediaType: safeMediaType(part.mimetype, sniffer.head()) },
  };
}
