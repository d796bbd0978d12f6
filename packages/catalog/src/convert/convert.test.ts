import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertCatalogue, importCatalogueFile } from './import-file.ts';
import { parseArticleRef } from './output.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../test/fixtures/convert/${name}`, import.meta.url));
const samples = fileURLToPath(new URL('../../../../../shared/research/samples/', import.meta.url));
const out = () => mkdtempSync(join(tmpdir(), 'mica-audit-import-'));

describe('parseArticleRef', () => {
  it.each([
    ['5.2.i.i', { article: '5', paragraph: '2', point: 'i.i' }],
    ['Article 12', { article: '12' }],
    ['1.a', { article: '1', point: 'a' }],
    ['28', { article: '28' }],
    ['Recital 3', undefined],
  ])('%s', (ref, expected) => expect(parseArticleRef(ref)).toEqual(expected));
});

describe('CISO Assistant conversion', () => {
  it('converts nodes, French, evidence, questions and mappings, and reports what it dropped', async () => {
    const result = await importCatalogueFile(fixture('small-ciso.yaml'), out());
    expect(result.problems).toEqual([]);
    expect(result.report).toMatchObject({ format: 'ciso-assistant', nodes: 3, assessable: 2, mappings: 1 });
    expect(result.report.unmapped).toEqual(
      expect.arrayContaining([
        'node field "implementation_groups" (1×)',
        'translation "de" (1×)',
        'mapping with relationship "not_related" (left out) (1×)',
      ]),
    );
    const converted = convertCatalogue(readFileSync(fixture('small-ciso.yaml'), 'utf8'), 'small-ciso.yaml');
    expect(converted.nodes[1]).toMatchObject({
      urn: 'urn:mica-audit:ciso-small:1.1',
      parent: 'urn:mica-audit:ciso-small:art-1',
      source: { regulation: 'SMALL', article: '1', paragraph: '1' },
      evidence: ['Board minutes', 'Approved policy'],
      questions: ['Did the board approve the policy this year?'],
      translations: {
        fr: {
          title: 'Le conseil approuve la politique de sécurité chaque année.',
          statement: 'Le conseil approuve la politique de sécurité chaque année.',
        },
      },
    });
    expect(converted.nodes[2]?.source).toEqual({
      regulation: 'SMALL',
      article: '1',
      paragraph: '2',
      point: 'a',
    });
    expect(converted.mappings[0]?.mappings).toEqual([
      {
        from: 'urn:mica-audit:ciso-small-act:1.1',
        to: 'urn:mica-audit:ciso-other:7',
        relation: 'subset',
        rationale: 'syntactic',
      },
    ]);
  });

  it('rejects files that are neither format, naming the file', () => {
    expect(() => convertCatalogue('hello: world\n', 'x.yaml')).toThrow(
      'x.yaml: not a CISO Assistant library',
    );
    expect(() => convertCatalogue('{"profile": {}}', 'p.json')).toThrow(
      'p.json: JSON but not an OSCAL catalog',
    );
    expect(() => convertCatalogue('{"catalog": ', 'bad.json')).toThrow('bad.json: invalid JSON');
  });
});

describe('OSCAL catalog conversion', () => {
  it('turns groups into structure and controls into requirements with parameters filled in', async () => {
    const result = await importCatalogueFile(fixture('small-oscal.json'), out(), { id: 'small-oscal' });
    expect(result.problems).toEqual([]);
    expect(result.report).toMatchObject({ format: 'oscal-catalog', nodes: 3, assessable: 2 });
    const converted = convertCatalogue(
      readFileSync(fixture('small-oscal.json'), 'utf8'),
      'small-oscal.json',
      { id: 'small-oscal' },
    );
    expect(converted.nodes[1]).toMatchObject({
      ref: 'AC-1',
      statement: 'Review the access policy [yearly].\na. Publish it.',
      questions: ['The policy is reviewed.'],
    });
    expect(converted.nodes[2]).toMatchObject({
      urn: 'urn:mica-audit:small-oscal:ac-1.1',
      parent: 'urn:mica-audit:small-oscal:ac-1',
    });
    expect(result.report.unmapped).toContain('control part "guidance" (1×)');
  });
});

describe.skipIf(!existsSync(samples))('real libraries from ../shared/research/samples', () => {
  it('converts the CISO Assistant DORA library end to end: 682 nodes, 260 assessable', async () => {
    const result = await importCatalogueFile(join(samples, 'regulatory/ciso-assistant/dora.yaml'), out());
    expect(result.problems).toEqual([]);
    expect(result.report.nodes).toBe(682);
    expect(result.report.assessable).toBe(260);
  });

  it.each([
    ['regulatory/ciso-assistant/rts-dora-ict-risk-management.yaml', 618, 554],
    ['regulatory/ciso-assistant/nis2-directive.yaml', 17, 13],
    ['oscal/basic-catalog.json', 8, 4],
    ['oscal/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json', 167, 149],
  ])('converts %s (%i nodes, %i assessable)', async (file, nodes, assessable) => {
    const result = await importCatalogueFile(join(samples, file), out());
    expect(result.problems).toEqual([]);
    expect(result.report).toMatchObject({ nodes, assessable });
  });

  it('converts a CISO Assistant mapping set: 267 mappings', async () => {
    const result = await importCatalogueFile(
      join(samples, 'regulatory/ciso-assistant/mapping-dora-and-finma-2023-01.yaml'),
      out(),
    );
    expect(result.report.mappings).toBe(267);
  });
});
