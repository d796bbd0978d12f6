import { resolve } from 'node:path';
import { BUNDLED_CATALOGUE, formatProblem, loadCatalogue } from '@mica-audit/catalog';
import { EXIT, type Command } from '../command.ts';
import { printJson } from '../io-helpers.ts';

export const catalogValidateCommand: Command = {
  name: 'catalog validate',
  summary: 'Check a catalogue folder: schema, urns, parents, rules, acts, domains, translations and mappings',
  usage: 'mica-audit catalog validate [DIR] [--json]',
  examples: ['mica-audit catalog validate', 'mica-audit catalog validate ./my-libraries'],
  options: { json: { type: 'boolean' } },
  optionHelp: [
    'DIR     a catalogue root (libraries/, mappings/) or one library folder; default: the bundled catalogue',
    '--json  print { ok, files, problems: [{ file, path, message, line }] }',
  ],
  positionals: { min: 0, max: 1 },
  async run({ io, values, positionals }) {
    const dir = positionals[0] === undefined ? BUNDLED_CATALOGUE : resolve(io.cwd, positionals[0]);
    const result = await loadCatalogue(dir);
    const requirements = result.catalogue.libraries.reduce(
      (sum, l) => sum + l.nodes.filter((n) => n.assessable).length,
      0,
    );
    if (values.json === true) {
      printJson(io, { ok: result.problems.length === 0, files: result.files, problems: result.problems });
    } else if (result.problems.length === 0) {
      io.stdout(
        `ok: ${result.files.length} files, ${result.catalogue.libraries.length} libraries, ${requirements} assessable requirements, ${result.catalogue.mappings.length} mappings\n`,
      );
    } else {
      for (const problem of result.problems) io.stdout(`${formatProblem(problem)}\n`);
      io.stderr(`${result.problems.length} problem(s) in ${result.files.length} files\n`);
    }
    return result.problems.length === 0 ? EXIT.ok : EXIT.problems;
  },
};
