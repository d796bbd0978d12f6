import { DomainError, scope, toScopeJson } from '@mica-audit/core';
import { loadValidCatalogue } from '@mica-audit/catalog';
import { EXIT, type Command } from '../command.ts';
import { catalogDir, langOption, printJson, readProfileFile } from '../io-helpers.ts';
import { renderScopeMarkdown, renderScopeTable } from '../render/scope-text.ts';

export const scopeCommand: Command = {
  name: 'scope',
  summary: 'Decide which requirements apply to an entity profile, and why',
  usage:
    'mica-audit scope --profile FILE [--json | --format table|md] [--lang en|fr] [--only applicable|excluded] [--catalog DIR]',
  examples: [
    'mica-audit scope --profile packages/cli/examples/custody-transfer-casp.yaml',
    'mica-audit scope --profile firm.yaml --json > scope.json',
  ],
  options: {
    profile: { type: 'string', short: 'p' },
    json: { type: 'boolean' },
    format: { type: 'string' },
    lang: { type: 'string' },
    only: { type: 'string' },
    catalog: { type: 'string' },
  },
  optionHelp: [
    '--profile FILE   entity profile, YAML or JSON (the format of PRODUCT.md)',
    '--json           print the JSON contract: { profile, catalogue, requirements: [{ urn, regulation, article, paragraph, point, title, applicable, reasons }] }',
    '--format F       table (default) or md',
    '--lang L         en (default) or fr',
    '--only W         list only applicable or only excluded requirements (human formats)',
    '--catalog DIR    catalogue folder (default: the bundled catalogue)',
  ],
  async run({ io, values }) {
    if (typeof values.profile !== 'string') throw new DomainError('cli.usage', '--profile FILE is required');
    const lang = langOption(values.lang);
    const format = values.json === true ? 'json' : (values.format ?? 'table');
    if (format !== 'json' && format !== 'table' && format !== 'md')
      throw new DomainError('cli.usage', `--format must be table or md, not ${JSON.stringify(format)}`);
    const only = values.only;
    if (only !== undefined && only !== 'applicable' && only !== 'excluded')
      throw new DomainError(
        'cli.usage',
        `--only must be applicable or excluded, not ${JSON.stringify(only)}`,
      );
    const profile = await readProfileFile(io, values.profile);
    const catalogue = await loadValidCatalogue(catalogDir(io, values.catalog));
    const result = scope(profile, catalogue);
    if (format === 'json') printJson(io, toScopeJson(result, lang));
    else if (format === 'md') io.stdout(renderScopeMarkdown(result, catalogue, lang, only));
    else io.stdout(renderScopeTable(result, catalogue, lang, only));
    return EXIT.ok;
  },
};
