import { catalogueStats, loadValidCatalogue, type Count } from '@mica-audit/catalog';
import { EXIT, type Command } from '../command.ts';
import { catalogDir, langOption, printJson } from '../io-helpers.ts';

function table(heading: string, counts: readonly Count[]): string[] {
  const width = Math.max(...counts.map((c) => c.key.length), 4);
  return [
    `  ${heading}`,
    ...counts.map((c) =>
      `    ${c.key.padEnd(width)} ${String(c.requirements).padStart(4)}  ${c.label === c.key ? '' : c.label}`.trimEnd(),
    ),
  ];
}

export const catalogStatsCommand: Command = {
  name: 'catalog stats',
  summary: 'Count assessable requirements by title, article and domain',
  usage: 'mica-audit catalog stats [--json | --format md] [--lang en|fr] [--catalog DIR]',
  examples: ['mica-audit catalog stats', 'mica-audit catalog stats --format md'],
  options: {
    json: { type: 'boolean' },
    format: { type: 'string' },
    lang: { type: 'string' },
    catalog: { type: 'string' },
  },
  optionHelp: [
    '--json         print [{ id, version, requirements, byTitle, byArticle, byDomain }]',
    '--format md    Markdown tables (for a README)',
    '--lang L       en (default) or fr',
    '--catalog DIR  catalogue folder (default: the bundled catalogue)',
  ],
  async run({ io, values }) {
    const lang = langOption(values.lang);
    const stats = catalogueStats(await loadValidCatalogue(catalogDir(io, values.catalog)), lang);
    if (values.json === true) {
      printJson(io, stats);
      return EXIT.ok;
    }
    const lines: string[] = [];
    for (const library of stats) {
      if (values.format === 'md') {
        lines.push(
          `### ${library.id} ${library.version}: ${library.requirements} assessable requirements`,
          '',
          '| title | requirements |',
          '|---|---:|',
        );
        lines.push(
          ...library.byTitle.map((c) => `| ${c.key} ${c.label} | ${c.requirements} |`),
          '',
          '| domain | requirements |',
          '|---|---:|',
        );
        lines.push(
          ...library.byDomain.map((c) => `| ${c.label} | ${c.requirements} |`),
          '',
          '| article | requirements |',
          '|---|---:|',
        );
        lines.push(...library.byArticle.map((c) => `| ${c.label} | ${c.requirements} |`), '');
      } else {
        lines.push(`${library.id} ${library.version}: ${library.requirements} assessable requirements`);
        lines.push(
          ...table('by title', library.byTitle),
          ...table('by domain', library.byDomain),
          ...table('by article', library.byArticle),
          '',
        );
      }
    }
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT.ok;
  },
};
