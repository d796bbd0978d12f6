import { describe, expect, it } from 'vitest';
import { demo } from '../../test/fixtures.ts';
import { FORMATS } from '../render.ts';
import { LANGS, type EngagementSnapshot } from '../snapshot.schema.ts';
import { deliverableName, slug } from './deliverable-name.ts';

const { snapshot } = await demo();
const BASE = 'mica-audit_exemple-custody-sas_mica-authorisation-readiness-audit_2026-11-13';
/** What Windows, macOS and Linux all accept unchanged: no reserved character, no space, one extension. */
const PORTABLE = /^[a-z0-9_-]+\.(pdf|docx|xlsx|json)$/;

function renamed(profileName: string, title: string, id = snapshot.engagement.id): EngagementSnapshot {
  return {
    ...snapshot,
    profile: { ...snapshot.profile, name: profileName },
    engagement: { ...snapshot.engagement, title, id },
  };
}

const allNames = (s: EngagementSnapshot) =>
  FORMATS.flatMap((f) => LANGS.map((l) => deliverableName(s, f, l)));

describe('deliverable file names', () => {
  it('names the demo deliverables by entity, engagement, report date and, where it matters, language', () => {
    expect(deliverableName(snapshot, 'pdf', 'fr')).toBe(`${BASE}_fr.pdf`);
    expect(deliverableName(snapshot, 'docx', 'en')).toBe(`${BASE}_en.docx`);
    expect(deliverableName(snapshot, 'xlsx', 'fr')).toBe(`${BASE}_fr.xlsx`);
    expect(deliverableName(snapshot, 'json', 'fr')).toBe(`${BASE}_snapshot.json`);
    expect(deliverableName(snapshot, 'oscal-ar', 'en')).toBe(`${BASE}_oscal-assessment-results.json`);
    expect(deliverableName(snapshot, 'oscal-poam', 'en')).toBe(`${BASE}_oscal-poam.json`);
  });

  it('gives every format and language its own name, the same on every call', () => {
    const names = allNames(snapshot);
    // PDF, Word and Excel per language; the JSON export and both OSCAL documents are the same in every language.
    expect(new Set(names).size).toBe(9);
    expect(allNames(snapshot)).toEqual(names);
  });

  it('keeps names portable and bounded whatever the entity and engagement are called', () => {
    const hostile = renamed(
      'Ça & Cie: <Œuvre> "Straße" / Vérité\\Associés | Ltd?*. ',
      `CON ${'Audit d’agrément très long '.repeat(20)}`,
    );
    for (const name of allNames(hostile)) {
      expect(name).toMatch(PORTABLE);
      expect(name.length).toBeLessThanOrEqual(170);
    }
    expect(deliverableName(hostile, 'pdf', 'fr')).toBe(
      'mica-audit_ca-cie-oeuvre-strasse-verite-associes_con-audit-d-agrement-tres-long-audit-d-agrement-tres-long_2026-11-13_fr.pdf',
    );
  });

  it('falls back to the client name, then the engagement id, when a name has no Latin letter', () => {
    const greek = renamed('Ελληνική Εταιρεία', 'Έλεγχος MiCA', '0b6c2f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f');
    expect(deliverableName(greek, 'pdf', 'en')).toBe('mica-audit_exemple-custody-sas_mica_2026-11-13_en.pdf');
    const none = { ...greek, engagement: { ...greek.engagement, title: 'Έλεγχος', clientName: '株式会社' } };
    expect(deliverableName(none, 'json', 'en')).toBe(
      'mica-audit_entity_0b6c2f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f_2026-11-13_snapshot.json',
    );
  });
});

describe('slug', () => {
  it('drops accents, spells out ligatures and joins words with "-"', () => {
    expect(slug('Vérité & Associés Audit', 40, 'x')).toBe('verite-associes-audit');
    expect(slug("  L'Œuvre Straße Øresund  ", 40, 'x')).toBe('l-oeuvre-strasse-oresund');
  });

  it('cuts at a word boundary within the bound, or mid-word when the first word is too long', () => {
    expect(slug('alpha beta gamma delta', 12, 'x')).toBe('alpha-beta');
    expect(slug('alpha beta', 10, 'x')).toBe('alpha-beta');
    expect(slug('abcdefghijklmnop', 8, 'x')).toBe('abcdefgh');
  });

  it('answers the fallback when nothing is left', () => {
    expect(slug('— ★ —', 40, 'entity')).toBe('entity');
  });
});
