import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.ts';
import { profileFile } from '../../test/fixtures-profile.ts';

describe('mica-audit capital', () => {
  it('prints the Art. 67 contract for a class 3 CASP whose overheads exceed the minimum', async () => {
    const path = profileFile(
      'name: P\nmemberState: FR\nlegalStatus: casp\nservices: [trading-platform, advice]\nfacts: { fixedOverheadsEUR: 2000000 }\n',
    );
    const { code, stdout } = await runCli('capital', '--profile', path, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'applicable',
      'class',
      'permanentMinimumEUR',
      'fixedOverheadsQuarterEUR',
      'requiredOwnFundsEUR',
      'reasons',
    ]);
    expect(json).toMatchObject({
      applicable: true,
      class: 3,
      permanentMinimumEUR: 150_000,
      fixedOverheadsQuarterEUR: 500_000,
      requiredOwnFundsEUR: 500_000,
    });
  });

  it('is not applicable to an entity notifying under Art. 60', async () => {
    const path = profileFile(
      'name: B\nmemberState: DE\nlegalStatus: credit-institution\nservices: [custody]\n',
    );
    const json = JSON.parse((await runCli('capital', '--profile', path, '--json')).stdout) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({
      applicable: false,
      class: null,
      permanentMinimumEUR: null,
      requiredOwnFundsEUR: null,
    });
    expect(String((json.reasons as string[])[0])).toContain('Art. 60');
  });

  it('keeps the minimum when overheads are not given, and says so', async () => {
    const path = profileFile('name: S\nmemberState: FR\nlegalStatus: casp\nservices: [advice]\n');
    const json = JSON.parse((await runCli('capital', '--profile', path, '--json')).stdout) as {
      requiredOwnFundsEUR: number;
      fixedOverheadsQuarterEUR: null;
      reasons: string[];
    };
    expect(json.requiredOwnFundsEUR).toBe(50_000);
    expect(json.fixedOverheadsQuarterEUR).toBeNull();
  });
});

describe('mica-audit incident deadlines', () => {
  it('gives the initial deadline only until the initial notification is sent', async () => {
    const { code, stdout } = await runCli(
      'incident',
      'deadlines',
      '--aware',
      '2026-03-10T08:00:00Z',
      '--classified',
      '2026-03-10T09:30:00Z',
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      initialDue: '2026-03-10T13:30:00.000Z',
      intermediateDue: null,
      finalDue: null,
    });
  });

  it('caps the initial notification at 24 hours after awareness and chains the later reports', async () => {
    const { stdout } = await runCli(
      'incident',
      'deadlines',
      '--aware',
      '2026-03-09T08:00:00Z',
      '--classified',
      '2026-03-10T06:00:00Z',
      '--initial-sent',
      '2026-03-10T07:00:00Z',
      '--intermediate-sent',
      '2026-03-12T07:00:00Z',
      '--json',
      '--weekend-rule',
      'none',
    );
    expect(JSON.parse(stdout)).toEqual({
      initialDue: '2026-03-10T08:00:00.000Z',
      intermediateDue: '2026-03-13T07:00:00.000Z',
      finalDue: '2026-04-12T07:00:00.000Z',
    });
  });

  it('rejects a date without time or zone, naming the flag, and a classification before awareness', async () => {
    const bad = await runCli(
      'incident',
      'deadlines',
      '--aware',
      '2026-03-10',
      '--classified',
      '2026-03-10T09:30:00Z',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--aware must be an ISO 8601 instant');
    const order = await runCli(
      'incident',
      'deadlines',
      '--aware',
      '2026-03-10T10:00:00Z',
      '--classified',
      '2026-03-10T09:00:00Z',
    );
    expect(order.code).toBe(3);
    expect(order.stderr).toMatch(/classif/i);
  });
});
