import { describe, expect, it } from 'vitest';
import { parseProfile } from '../profile/parse-profile.ts';
import { evaluate, test as holds } from './evaluate.ts';
import { parseRule } from './parser.ts';

const casp = parseProfile({
  name: 'Example Custody SAS',
  memberState: 'FR',
  legalStatus: 'casp',
  services: ['custody', 'transfer'],
  facts: { activeUsersEU: 250_000, holdsClientFunds: false },
});

describe('evaluate', () => {
  it('explains a true "and" with every clause', () => {
    const result = evaluate(parseRule('service in [custody, advice] and legalStatus == casp'), casp);
    expect(result.value).toBe(true);
    expect(result.reasons.map((r) => r.en)).toEqual([
      'service provided: custody and administration of crypto-assets on behalf of clients (MiCA Art. 3(1)(16), point a)',
      'legal status: crypto-asset service provider authorised under MiCA Art. 59/63',
    ]);
  });

  it('explains a false "and" with the failing clauses only', () => {
    const result = evaluate(parseRule('legalStatus == casp and service in [trading-platform]'), casp);
    expect(result.value).toBe(false);
    expect(result.reasons.map((r) => r.en)).toEqual([
      'service not provided: operation of a trading platform for crypto-assets (MiCA Art. 3(1)(16), point b)',
    ]);
    expect(result.reasons.map((r) => r.fr)).toEqual([
      "service non fourni\u00a0: exploitation d'une plateforme de négociation de crypto-actifs (MiCA, art. 3, par. 1, point 16, b)",
    ]);
  });

  it('explains thresholds and facts that are missing', () => {
    const below = evaluate(parseRule('facts.activeUsersEU >= 15000000'), casp);
    expect(below).toEqual({
      value: false,
      reasons: [
        {
          en: 'average active users in the Union: 250,000 (condition: at least 15,000,000, not met)',
          fr: "nombre moyen d'utilisateurs actifs dans l'Union\u00a0: 250\u202f000 (condition\u00a0: au moins 15\u202f000\u202f000, non remplie)",
        },
      ],
    });
    const missing = evaluate(parseRule('facts.outsourcesOperationalFunctions'), casp);
    expect(missing.value).toBe(false);
    expect(missing.reasons[0]?.en).toBe(
      'outsources operational functions: not given (facts.outsourcesOperationalFunctions; treated as no)',
    );
    expect(evaluate(parseRule('not facts.holdsClientFunds'), casp)).toEqual({
      value: true,
      reasons: [{ en: "holds clients' funds: no", fr: 'détient des fonds de clients\u00a0: non' }],
    });
  });

  it('agrees with the fast path on every operator', () => {
    for (const source of [
      'facts.activeUsersEU > 250000',
      'facts.activeUsersEU <= 250000',
      'facts.activeUsersEU == 250000',
      'facts.activeUsersEU != 1',
      'memberState != FR',
      'issuance in [art, emt]',
      'false or true',
    ]) {
      const rule = parseRule(source);
      expect(evaluate(rule, casp).value).toBe(holds(rule, casp));
    }
  });
});
