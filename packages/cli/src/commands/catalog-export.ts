import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { libraryToOscalCatalog, loadValidCatalogue } from '@mica-audit/catalog';
import { DomainError } from '@mica-audit/core';
import { EXIT, type Command } from '../command.ts';
import { catalogDir, langOption, printJson } from '../io-helpers.ts';

export const catalogExportCommand: Command = {
  name: 'catalog export',
  summary: 'Write the libraries as OSCAL 1.1 catalogs (JSON), one file per library',
  usage: 'mica-audit catalog export --format oscal [--out DIR] [--library ID] [--lang en|fr] [--catalog DIR]',
  examples: [
    'mica-audit catalog export --format oscal --out ./oscal',
    'mica-audit catalog export --format oscal --library mica --lang fr',
  ],
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    library: { type: 'string' },
    lang: { type: 'string' },
    catalog: { type: 'string' },
  },
  optionHelp: [
    '--format oscal  the export format (OSCAL 1.1 catalog JSON)',
    '--out DIR       folder to write <id>.oscal.json files into (default ./oscal); "-" prints one library to stdout',
    '--library ID    export only this library',
    '--lang L        en (default) or fr',
    '--catalog DIR   catalogue folder (default: the bundled catalogue)',
  ],
  async run({ io, values }) {
    if (values.format !== 'oscal')
      throw new DomainError('cli.usage', '--format oscal is required (the only export format of catalogues)');
    const lang = langOption(values.lang);
    const catalogue = await loadValidCatalogue(catalogDir(io, values.catalog));
    const libraries = catalogue.libraries.filter(
      (l) => values.library === undefined || l.id === values.library,
    );
    if (libraries.length === 0) {
      throw new DomainError(
        'catalog.unknown_library',
        `no library ${String(values.library)}; run \`mica-audit catalog list\``,
        { kind: 'not_found' },
      );
    }
    if (values.out === '-') {
      if (libraries.length !== 1)
        throw new DomainError('cli.usage', '--out - prints one library: add --library ID');
      printJson(io, libraryToOscalCatalog(libraries[0]!, catalogue, lang));
      return EXIT.ok;
    }
    const out = resolve(io.cwd, typeof values.out === 'string' ? values.out : 'oscal');
    await mkdir(out, { recursive: true });
    for (const library of libraries) {
      const path = join(out, `${library.id}${lang === 'en' ? '' : `.${lang}`}.oscal.json`);
      await writeFile(path, `${JSON.stringify(libraryToOscalCatalog(library, catalogue, lang), null, 2)}\n`);
      io.stdout(`${path}\n`);
    }
    return EXIT.ok;
  },
};
