import { loadValidCatalogue } from '@mica-audit/catalog';
import { EXIT, type Command } from '../command.ts';
import { catalogDir, langOption, printJson } from '../io-helpers.ts';

export const catalogListCommand: Command = {
  name: 'catalog list',
  summary: 'List the loaded requirement libraries with their versions and sizes',
  usage: 'mica-audit catalog list [--json] [--lang en|fr] [--catalog DIR]',
  examples: ['mica-audit catalog list', 'mica-audit catalog list --json'],
  options: { json: { type: 'boolean' }, lang: { type: 'string' }, catalog: { type: 'string' } },
  optionHelp: [
    '--json         print [{ id, urn, version, name, regulation, celex, requirements, nodes }]',
    '--lang L       en (default) or fr',
    '--catalog DIR  catalogue folder (default: the bundled catalogue)',
  ],
  async run({ io, values }) {
    const lang = langOption(values.lang);
    const catalogue = await loadValidCatalogue(catalogDir(io, values.catalog));
    const rows = catalogue.libraries.map((l) => ({
      id: l.id,
      urn: l.urn,
      version: l.version,
      name: l.name[lang],
      regulation: l.regulation.shortName,
      celex: l.regulation.celex ?? null,
      requirements: l.nodes.filter((n) => n.assessable).length,
      nodes: l.nodes.length,
    }));
    if (values.json === true) printJson(io, rows);
    else {
      for (const r of rows)
        io.stdout(
          `${r.id.padEnd(8)} ${r.version.padEnd(8)} ${String(r.requirements).padStart(5)} ${lang === 'fr' ? 'exigences' : 'requirements'}  ${r.name}\n`,
        );
      io.stdout(`${catalogue.mappings.length} mappings\n`);
    }
    return EXIT.ok;
  },
};
