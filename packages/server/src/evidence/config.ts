import { join } from 'node:path';
import { DomainError } from '@mica-audit/core';
import { S3EvidenceStore, type S3Credentials, type S3StoreOptions } from './s3-store.ts';
import { LocalEvidenceStore, type EvidenceStore } from './store.ts';

export const EVIDENCE_STORE_KINDS = ['local', 's3'] as const;
export type EvidenceStoreKind = (typeof EVIDENCE_STORE_KINDS)[number];

export type EvidenceStoreSettings =
  { readonly kind: 'local'; readonly root: string } | { readonly kind: 's3'; readonly s3: S3StoreOptions };

function problem(message: string, path: string): DomainError {
  return new DomainError('evidence_store.config', message, { kind: 'invalid', path });
}

function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const v = value(env, name)?.toLowerCase();
  if (v === undefined) return undefined;
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw problem(`${name} must be true or false, not ${JSON.stringify(env[name])}`, name);
}

/** A key pair from `<id>`/`<secret>`, or undefined when neither is set; one without the other is an error. */
function keyPair(
  env: NodeJS.ProcessEnv,
  id: string,
  secret: string,
  token: string,
): S3Credentials | undefined {
  const accessKeyId = value(env, id);
  const secretAccessKey = value(env, secret);
  if (accessKeyId === undefined && secretAccessKey === undefined) return undefined;
  if (accessKeyId === undefined) throw problem(`${secret} is set but ${id} is not: set both`, id);
  if (secretAccessKey === undefined) throw problem(`${id} is set but ${secret} is not: set both`, secret);
  return { accessKeyId, secretAccessKey, sessionToken: value(env, token) };
}

/**
 * The evidence store chosen by `--evidence-store` (or MICA_AUDIT_EVIDENCE_STORE; default local, under the data
 * directory) and, for S3, the MICA_AUDIT_S3_* variables. Throws `evidence_store.config` naming the variable to set.
 */
export function evidenceStoreSettings(options: {
  readonly kind?: string | undefined;
  readonly dataDir: string;
  readonly env?: NodeJS.ProcessEnv | undefined;
}): EvidenceStoreSettings {
  const env = options.env ?? process.env;
  const kind = options.kind ?? value(env, 'MICA_AUDIT_EVIDENCE_STORE') ?? 'local';
  if (kind === 'local') return { kind, root: join(options.dataDir, 'evidence') };
  if (kind !== 's3')
    throw problem(
      `the evidence store must be one of ${EVIDENCE_STORE_KINDS.join(', ')}, not ${JSON.stringify(kind)} (--evidence-store or MICA_AUDIT_EVIDENCE_STORE)`,
      'evidenceStore',
    );
  const bucket = value(env, 'MICA_AUDIT_S3_BUCKET');
  if (bucket === undefined)
    throw problem(
      'MICA_AUDIT_S3_BUCKET is not set: name the bucket that holds the evidence files (the S3 evidence store needs it)',
      'MICA_AUDIT_S3_BUCKET',
    );
  const endpoint = value(env, 'MICA_AUDIT_S3_ENDPOINT');
  if (endpoint !== undefined && !URL.canParse(endpoint))
    throw problem(
      `MICA_AUDIT_S3_ENDPOINT must be a URL such as https://s3.example.com, not ${JSON.stringify(endpoint)}`,
      'MICA_AUDIT_S3_ENDPOINT',
    );
  // Self-hosted services ignore the region but the request signature needs one; AWS itself needs the right one.
  const region =
    value(env, 'MICA_AUDIT_S3_REGION') ??
    value(env, 'AWS_REGION') ??
    value(env, 'AWS_DEFAULT_REGION') ??
    (endpoint === undefined ? undefined : 'us-east-1');
  if (region === undefined)
    throw problem(
      'MICA_AUDIT_S3_REGION is not set: give the bucket region (e.g. eu-west-3), or MICA_AUDIT_S3_ENDPOINT for another S3-compatible service',
      'MICA_AUDIT_S3_REGION',
    );
  const prefix = value(env, 'MICA_AUDIT_S3_PREFIX') ?? '';
  if (prefix.startsWith('/'))
    throw problem(
      `MICA_AUDIT_S3_PREFIX must not start with "/" (got ${JSON.stringify(prefix)}): write it as evidence/`,
      'MICA_AUDIT_S3_PREFIX',
    );
  const credentials =
    keyPair(
      env,
      'MICA_AUDIT_S3_ACCESS_KEY_ID',
      'MICA_AUDIT_S3_SECRET_ACCESS_KEY',
      'MICA_AUDIT_S3_SESSION_TOKEN',
    ) ?? keyPair(env, 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN');
  return {
    kind,
    s3: {
      bucket,
      prefix,
      region,
      endpoint,
      forcePathStyle: flag(env, 'MICA_AUDIT_S3_FORCE_PATH_STYLE') ?? false,
      credentials,
    },
  };
}

/** Opens the configured store; an S3 store is checked (bucket reachable with these credentials) before use. */
export async function openEvidenceStore(settings: EvidenceStoreSettings): Promise<EvidenceStore> {
  if (settings.kind === 'local') return new LocalEvidenceStore(settings.root);
  const store = new S3EvidenceStore(settings.s3);
  try {
    await store.check();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
