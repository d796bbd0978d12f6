import { describe, expect, it } from 'vitest';
import { findingFacts, locationText, safeHref } from './finding-detail.ts';

describe('locationText', () => {
  it('writes each kind of target on one line', () => {
    expect(locationText({ kind: 'file', file: 'src/app.ts', line: 12, column: 4 })).toBe('src/app.ts:12:4');
    expect(locationText({ kind: 'file', file: 'a.ts', commit: '0123456789abcdef0123' })).toBe(
      'a.ts @ 0123456789ab',
    );
    expect(locationText({ kind: 'url', url: 'https://x.test/login', method: 'POST', param: 'user' })).toBe(
      'POST https://x.test/login (user)',
    );
    expect(locationText({ kind: 'host', host: '10.0.0.5', port: 443, protocol: 'tcp' })).toBe(
      '10.0.0.5:443/tcp',
    );
    expect(locationText({ kind: 'cloud', provider: 'aws', region: 'eu-west-3', resourceId: 'arn:x' })).toBe(
      'aws / eu-west-3 / arn:x',
    );
    expect(
      locationText({ kind: 'contract', contract: 'Vault', function: 'withdraw', file: 'V.sol', line: 9 }),
    ).toBe('Vault.withdraw (V.sol:9)');
    expect(locationText({ kind: 'package', name: 'openssl', version: '3.0.1', target: 'signer:1.2' })).toBe(
      'openssl@3.0.1 in signer:1.2',
    );
  });

  it('gives nothing for no location or an unknown shape', () => {
    expect(locationText({ kind: 'none' })).toBe(undefined);
    expect(locationText(undefined)).toBe(undefined);
    expect(locationText('src/app.ts')).toBe(undefined);
  });
});

describe('findingFacts', () => {
  it('reads what the importer kept', () => {
    const facts = findingFacts({
      description: 'Weak TLS',
      cvss: { version: '3.1', score: 5.3, vector: 'CVSS:3.1/AV:N' },
      cwe: [326, 'x'],
      cve: ['CVE-2024-5535'],
      location: { kind: 'host', host: 'portal', port: 443 },
      evidence: 'TLSv1.0 offered',
      references: ['https://x.test/a'],
      occurrences: 3,
    });
    expect(facts).toMatchObject({
      description: 'Weak TLS',
      cvss: { version: '3.1', score: 5.3, vector: 'CVSS:3.1/AV:N' },
      cwe: [326],
      cve: ['CVE-2024-5535'],
      location: 'portal:443',
      evidence: 'TLSv1.0 offered',
      references: ['https://x.test/a'],
      occurrences: 3,
    });
  });

  it('is empty for a seeded row without detail', () => {
    expect(findingFacts({ synthetic: true })).toEqual({
      description: undefined,
      location: undefined,
      cvss: undefined,
      cwe: [],
      cve: [],
      evidence: undefined,
      references: [],
      occurrences: undefined,
      toolVersion: undefined,
    });
    expect(findingFacts(null).cwe).toEqual([]);
  });
});

describe('safeHref', () => {
  it('keeps web addresses only', () => {
    expect(safeHref('https://nvd.nist.gov/vuln/detail/CVE-2024-5535')).toBe(
      'https://nvd.nist.gov/vuln/detail/CVE-2024-5535',
    );
    expect(safeHref('javascript:alert(1)')).toBe(undefined);
    expect(safeHref('see the wiki')).toBe(undefined);
  });
});
