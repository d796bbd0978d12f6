import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceStoreSettings } from './config.ts';

const settings = (env: Record<string, string>, kind?: string) =>
  evidenceStoreSettings({ kind, dataDir: '/srv/mica', env });

function problemOf(run: () => unknown): { code?: string; path?: string; message: string } {
  try {
    run();
  } catch (error) {
    return error as { code?: string; path?: string; message: string };
  }
  throw new Error('expected a configuration error');
}

const minimal = { MICA_AUDIT_S3_BUCKET: 'evidence', MICA_AUDIT_S3_REGION: 'eu-west-3' };

describe('evidence store configuration', () => {
  it('defaults to the local store under the data directory', () => {
    expect(settings({})).toEqual({ kind: 'local', root: join('/srv/mica', 'evidence') });
    expect(settings({ MICA_AUDIT_EVIDENCE_STORE: 's3', ...minimal }, 'local').kind).toBe('local');
  });

  it('reads the S3 settings, the flag winning over MICA_AUDIT_EVIDENCE_STORE', () => {
    expect(
      settings({
        MICA_AUDIT_EVIDENCE_STORE: 's3',
        MICA_AUDIT_S3_BUCKET: 'evidence',
        MICA_AUDIT_S3_ENDPOINT: 'http://127.0.0.1:9000',
        MICA_AUDIT_S3_PREFIX: 'mica/',
        MICA_AUDIT_S3_FORCE_PATH_STYLE: 'yes',
        MICA_AUDIT_S3_ACCESS_KEY_ID: 'id',
        MICA_AUDIT_S3_SECRET_ACCESS_KEY: 'secret',
        AWS_ACCESS_KEY_ID: 'ignored',
        AWS_SECRET_ACCESS_KEY: 'ignored',
      }),
    ).toEqual({
      kind: 's3',
      s3: {
        bucket: 'evidence',
        prefix: 'mica/',
        region: 'us-east-1',
        endpoint: 'http://127.0.0.1:9000',
        forcePathStyle: true,
        credentials: { accessKeyId: 'id', secretAccessKey: 'secret', sessionToken: undefined },
      },
    });
    const aws = settings(
      { ...minimal, AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b', AWS_SESSION_TOKEN: 't' },
      's3',
    );
    expect(aws).toMatchObject({
      s3: {
        region: 'eu-west-3',
        forcePathStyle: false,
        credentials: { accessKeyId: 'a', sessionToken: 't' },
      },
    });
    // Neither pair: the AWS SDK's own chain (profile, instance or task role).
    expect(settings(minimal, 's3')).toMatchObject({ s3: { credentials: undefined } });
  });

  it('names the variable to set or fix', () => {
    const cases: [Record<string, string>, string | undefined, RegExp][] = [
      [{}, 'ftp', /one of local, s3, not "ftp"/],
      [{ MICA_AUDIT_EVIDENCE_STORE: 'disk' }, undefined, /MICA_AUDIT_EVIDENCE_STORE/],
      [{ MICA_AUDIT_S3_REGION: 'eu-west-3' }, 's3', /^MICA_AUDIT_S3_BUCKET is not set/],
      [{ MICA_AUDIT_S3_BUCKET: 'b' }, 's3', /^MICA_AUDIT_S3_REGION is not set/],
      [
        { ...minimal, MICA_AUDIT_S3_ENDPOINT: 'localhost 9000' },
        's3',
        /^MICA_AUDIT_S3_ENDPOINT must be a URL/,
      ],
      [
        { ...minimal, MICA_AUDIT_S3_FORCE_PATH_STYLE: 'maybe' },
        's3',
        /^MICA_AUDIT_S3_FORCE_PATH_STYLE must be/,
      ],
      [{ ...minimal, MICA_AUDIT_S3_PREFIX: '/evidence' }, 's3', /^MICA_AUDIT_S3_PREFIX must not start/],
      [{ ...minimal, MICA_AUDIT_S3_ACCESS_KEY_ID: 'id' }, 's3', /MICA_AUDIT_S3_SECRET_ACCESS_KEY is not/],
      [{ ...minimal, AWS_SECRET_ACCESS_KEY: 's' }, 's3', /but AWS_ACCESS_KEY_ID is not/],
    ];
    for (const [env, kind, message] of cases) {
      const error = problemOf(() => settings(env, kind));
      expect(error.code).toBe('evidence_store.config');
      expect(error.message).toMatch(message);
    }
  });
});
