import { describe, expect, it } from 'vitest';
import { LATER, NOW, fixture } from '../test/helpers.ts';
import type { Finding } from './finding.ts';
import { reconcile } from './reconcile.ts';
import { parseContent } from './registry.ts';

const LATEST = '2026-03-01T00:00:00.000Z';
const first = parseContent(fixture('zap.xml'), { now: NOW }).findings;
const [cookieSession, cookieLang, sqli] = first as [Finding, Finding, Finding];

describe('reconcile', () => {
  it('classifies new, still present and fixed findings of the same tool', () => {
    const second = parseContent(
      fixture('zap.xml').replace(
        /<instance><uri>https:\/\/app.example.com\/login<\/uri><method>GET<\/method><param>lang<\/param>.*?<\/instance>/s,
        '',
      ),
      {
        now: LATER,
      },
    ).findings;
    const r = reconcile(first, second, { tool: 'OWASP ZAP' }, LATER);
    expect(r.new).toHaveLength(0);
    expect(r.stillPresent.map((f) => f.fingerprint).sort()).toEqual(
      [cookieSession.fingerprint, sqli.fingerprint].sort(),
    );
    expect(r.stillPresent.every((f) => f.firstSeen === NOW && f.lastSeen === LATER)).toBe(true);
    expect(r.fixed.map((f) => f.fingerprint)).toEqual([cookieLang.fingerprint]);
    expect(r.fixed[0]?.statusHistory).toEqual([
      { status: 'open', at: NOW },
      { status: 'fixed', at: LATER, reason: 'absent from a newer OWASP ZAP scan' },
    ]);
    expect(r.all).toHaveLength(3);
  });

  it('leaves other tools and assets out of scope alone', () => {
    const other = parseContent(fixture('trivy-legacy.json'), { now: NOW }).findings;
    const r = reconcile(
      [...first, ...other],
      [],
      { tool: 'OWASP ZAP', assetScope: ['https://elsewhere.example'] },
      LATER,
    );
    expect(r.fixed).toHaveLength(0);
    expect(r.unchanged).toHaveLength(first.length + other.length);
    const r2 = reconcile(
      [...first, ...other],
      [],
      { tool: 'owasp zap', assetScope: ['https://app.example.com'] },
      LATER,
    );
    expect(r2.fixed).toHaveLength(3);
    expect(r2.unchanged).toEqual(other);
  });

  it('reopens a fixed finding that comes back and keeps the whole history', () => {
    const fixedOnce = reconcile(first, [], { tool: 'OWASP ZAP' }, LATER).all;
    const again = parseContent(fixture('zap.xml'), { now: LATEST }).findings;
    const r = reconcile(fixedOnce, again, { tool: 'OWASP ZAP' }, LATEST);
    const back = r.stillPresent.find((f) => f.fingerprint === sqli.fingerprint);
    expect(back?.status).toBe('open');
    expect(back?.statusHistory.map((h) => `${h.status}@${h.at}`)).toEqual([
      `open@${NOW}`,
      `fixed@${LATER}`,
      `open@${LATEST}`,
    ]);
  });

  it('keeps accepted and false-positive decisions while the finding is still reported', () => {
    const accepted = first.map((f) =>
      f.fingerprint === sqli.fingerprint ? { ...f, status: 'accepted' as const } : f,
    );
    const r = reconcile(
      accepted,
      parseContent(fixture('zap.xml'), { now: LATER }).findings,
      { tool: 'OWASP ZAP' },
      LATER,
    );
    expect(r.stillPresent.find((f) => f.fingerprint === sqli.fingerprint)?.status).toBe('accepted');
    const fp = first.map((f) => ({ ...f, status: 'false-positive' as const }));
    expect(reconcile(fp, [], { tool: 'OWASP ZAP' }, LATER).fixed).toHaveLength(0);
  });

  it('reports findings first seen in the newer scan as new', () => {
    const r = reconcile([], first, { tool: 'OWASP ZAP' }, new Date(LATER));
    expect(r.new.map((f) => f.firstSeen)).toEqual([LATER, LATER, LATER]);
  });
});
