import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from './problems.ts';
import { loadCatalogue, loadValidCatalogue } from './load-catalogue.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));

describe('loadCatalogue', () => {
  it('loads a valid catalogue with French text, rules, exemptions, acts and mappings', async () => {
    const result = await loadCatalogue(fixture('ok'));
    expect(result.problems).toEqual([]);
    const [library] = result.catalogue.libraries;
    expect(library?.id).toBe('demo');
    expect(library?.nodes.map((n) => n.urn)).toEqual([
      'urn:mica-audit:demo:art-71',
      'urn:mica-audit:demo:art-71:1',
      'urn:mica-audit:demo:art-71:2',
    ]);
    const requirement = library?.nodes[1];
    expect(requirement?.title).toEqual({ en: 'Complaints procedure', fr: 'Procédure de réclamation' });
    expect(requirement?.rule).toEqual({ kind: 'service', values: ['custody', 'transfer'] });
    expect(requirement?.exemptions[0]?.reason.fr).toBe('Pas pour les entités notifiées');
    expect(result.catalogue.mappings).toHaveLength(1);
  });

  it('loads a single library folder on its own', async () => {
    const result = await loadCatalogue(fixture('ok/libraries/demo'));
    expect(result.problems).toEqual([]);
    expect(result.catalogue.libraries).toHaveLength(1);
  });

  it.each([
    [
      'unknown-parent',
      'libraries/demo/nodes.yaml:nodes[1].parent: no node "urn:mica-audit:demo:art-99" in library demo (line 8)',
    ],
    [
      'duplicate-urn',
      'libraries/demo/nodes.yaml:nodes[2].urn: duplicate urn, first defined in libraries/demo/nodes.yaml:nodes[1]',
    ],
    ['uppercase-urn', 'libraries/demo/nodes.yaml:nodes[2].urn: must be a lowercase ASCII urn'],
    [
      'wrong-prefix',
      'libraries/demo/nodes.yaml:nodes[2].urn: must start with the library urn "urn:mica-audit:demo:"',
    ],
    ['bad-rule', 'libraries/demo/nodes.yaml:nodes[1].applicability: rule: unknown service key "staking"'],
    ['unknown-fact', 'libraries/demo/nodes.yaml:nodes[1].exemptions[0].when: rule: unknown fact "employees"'],
    [
      'mapping-target',
      'mappings/demo-demo.yaml:mappings[0].to: no assessable requirement "urn:mica-audit:demo:art-71:9"',
    ],
    ['missing-french', 'libraries/demo/nodes.yaml:nodes[2].translations: missing French translation'],
    ['unknown-domain', 'libraries/demo/nodes.yaml:nodes[1].domains[0]: unknown domain "complaint"'],
    ['unknown-act', 'libraries/demo/nodes.yaml:nodes[1].level2[0].act: unknown act "cdr-2025-999"'],
    ['yaml-syntax', 'libraries/demo/nodes.yaml: YAML syntax'],
    ['missing-source', 'libraries/demo/nodes.yaml:nodes[1].source: required for an assessable requirement'],
    ['parent-cycle', 'parent chain forms a cycle'],
  ])('reports %s as file:path: message', async (name, expected) => {
    const result = await loadCatalogue(fixture(`not-ok/${name}`));
    const lines = result.problems.map(formatProblem);
    expect(
      lines.some((line) => line.includes(expected)),
      lines.join('\n'),
    ).toBe(true);
  });

  it('refuses to hand out an invalid catalogue', async () => {
    await expect(loadValidCatalogue(fixture('not-ok/bad-rule'))).rejects.toMatchObject({
      code: 'catalog.invalid',
    });
    await expect(loadCatalogue(fixture('does-not-exist'))).rejects.toMatchObject({
      code: 'catalog.not_found',
    });
  });
});
