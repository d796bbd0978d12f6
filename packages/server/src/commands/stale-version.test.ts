import { describe, expect, it } from 'vitest';
import { checkVersion } from './stale-version.ts';

describe('checkVersion', () => {
  const row = { id: 'r1', version: 4, secret: 'not sent' };
  const view = (r: typeof row) => ({ id: r.id, version: r.version });

  it('passes a row still at the edited version without building its view', () => {
    expect(() =>
      checkVersion('risk', row, 4, () => {
        throw new Error('view built');
      }),
    ).not.toThrow();
  });

  it('throws the 409 with the current state and the default advice', () => {
    expect(() => checkVersion('risk', row, 3, view)).toThrow(
      expect.objectContaining({
        code: 'risk.version_conflict',
        kind: 'conflict',
        path: undefined,
        details: { current: { id: 'r1', version: 4 } },
        message:
          'risk r1 was changed by someone else (version 4, you edited 3): reload it, reapply your change and save again',
      }),
    );
  });

  it('keeps a resource’s own advice and names the path of a change in a batch', () => {
    expect(() =>
      checkVersion('asset', row, 5, view, {
        advice: 'reload it and apply your change again',
        path: 'changes[2].version',
      }),
    ).toThrow(
      expect.objectContaining({
        path: 'changes[2].version',
        message:
          'changes[2].version: asset r1 was changed by someone else (version 4, you edited 5): reload it and apply your change again',
      }),
    );
  });
});
