import { DomainError, formatRule, indexCatalogue, type CatalogueNode, type Lang } from '@mica-audit/core';
import { loadValidCatalogue } from '@mica-audit/catalog';
import { EXIT, type Command } from '../command.ts';
import { catalogDir, langOption, printJson } from '../io-helpers.ts';

function describe(node: CatalogueNode, lang: Lang): Record<string, unknown> {
  return {
    urn: node.urn,
    library: node.library,
    parent: node.parent ?? null,
    ref: node.ref,
    title: node.title[lang],
    statement: node.statement?.[lang] ?? null,
    assessable: node.assessable,
    source: node.source ?? null,
    level2: node.level2,
    applicability: node.rule === undefined ? null : formatRule(node.rule),
    exemptions: node.exemptions.map((e) => ({ when: e.when, reason: e.reason[lang] })),
    evidence: node.evidence.map((e) => e[lang]),
    questions: node.questions.map((q) => q[lang]),
    domains: node.domains,
  };
}

export const catalogShowCommand: Command = {
  name: 'catalog show',
  summary: 'Show one requirement or structural node of the catalogue, with its mappings and children',
  usage: 'mica-audit catalog show URN [--json] [--lang en|fr] [--catalog DIR]',
  examples: [
    'mica-audit catalog show urn:mica-audit:mica:art-75',
    'mica-audit catalog show urn:mica-audit:mica:art-67:1 --lang fr',
  ],
  options: { json: { type: 'boolean' }, lang: { type: 'string' }, catalog: { type: 'string' } },
  optionHelp: [
    'URN            the node to show',
    '--json         print the node as JSON',
    '--lang L       en (default) or fr',
    '--catalog DIR  catalogue folder (default: the bundled catalogue)',
  ],
  positionals: { min: 1, max: 1 },
  async run({ io, values, positionals }) {
    const lang = langOption(values.lang);
    const urn = positionals[0] ?? '';
    const catalogue = await loadValidCatalogue(catalogDir(io, values.catalog));
    const index = indexCatalogue(catalogue);
    const node = index.nodes.get(urn);
    if (node === undefined)
      throw new DomainError(
        'catalog.unknown_urn',
        `no node ${urn}; run \`mica-audit catalog list\` or \`catalog stats\` to browse`,
        { kind: 'not_found' },
      );
    const shown = {
      ...describe(node, lang),
      children: (index.children.get(urn) ?? []).map((c) => ({
        urn: c.urn,
        ref: c.ref,
        title: c.title[lang],
      })),
      mapped: index.mapped.get(urn) ?? [],
    };
    if (values.json === true) {
      printJson(io, shown);
      return EXIT.ok;
    }
    const lines = [`${node.ref} — ${node.title[lang]}`, node.urn];
    if (node.statement !== undefined) lines.push('', node.statement[lang]);
    if (node.source !== undefined) {
      const s = node.source;
      lines.push(
        '',
        `source: ${s.regulation} Art. ${s.article}${s.paragraph ? `(${s.paragraph})` : ''}${s.point ? `(${s.point})` : ''}${s.subparagraph ? `, subparagraph ${s.subparagraph}` : ''}`,
      );
    }
    for (const ref of node.level2)
      lines.push(
        `level 2: ${catalogue.libraries.find((l) => l.id === node.library)?.acts.find((a) => a.id === ref.act)?.title ?? ref.act}${ref.article ? `, Art. ${ref.article}` : ''}${ref.note ? ` (${ref.note})` : ''}`,
      );
    if (node.rule !== undefined) lines.push(`applies when: ${formatRule(node.rule)}`);
    for (const e of node.exemptions) lines.push(`excluded when: ${e.when} — ${e.reason[lang]}`);
    if (node.evidence.length > 0)
      lines.push(
        '',
        lang === 'fr' ? 'Éléments probants attendus\u00a0:' : 'Expected evidence:',
        ...node.evidence.map((e) => `  - ${e[lang]}`),
      );
    if (node.questions.length > 0)
      lines.push(
        '',
        lang === 'fr' ? "Questions d'évaluation\u00a0:" : 'Assessment questions:',
        ...node.questions.map((q) => `  ? ${q[lang]}`),
      );
    if (shown.mapped.length > 0)
      lines.push(
        '',
        lang === 'fr' ? 'Correspondances\u00a0:' : 'Mapped requirements:',
        ...shown.mapped.map((m) => `  ${m.relation.padEnd(9)} ${m.urn} — ${m.rationale}`),
      );
    if (shown.children.length > 0)
      lines.push('', ...shown.children.map((c) => `  ${c.ref.padEnd(18)} ${c.title}  (${c.urn})`));
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT.ok;
  },
};
