import { resolve } from 'node:path';
import { DomainError } from '@mica-audit/core';
import { verifyManifest } from '@mica-audit/report';
import { EXIT, type Command } from '../command.ts';
import { printJson } from '../io-helpers.ts';

export const reportVerifyCommand: Command = {
  name: 'report verify',
  summary:
    'Check a deliverables folder against its manifest.json: names every altered, missing or extra file',
  usage: 'mica-audit report verify DIR [--json]',
  examples: ['mica-audit report verify ./deliverables', 'mica-audit report verify ./deliverables --json'],
  options: { json: { type: 'boolean' } },
  optionHelp: [
    'DIR     the folder holding manifest.json and the deliverables',
    '--json  print { ok, auditLogHead, checked, altered, missing, extra }',
  ],
  positionals: { min: 1, max: 1 },
  async run({ io, values, positionals }) {
    const dir = positionals[0];
    if (dir === undefined)
      throw new DomainError('cli.usage', 'DIR is required: the folder holding manifest.json');
    const result = await verifyManifest(resolve(io.cwd, dir));
    if (values.json === true) {
      printJson(io, result);
    } else {
      for (const file of result.altered) io.stdout(`altered: ${file}\n`);
      for (const file of result.missing) io.stdout(`missing: ${file}\n`);
      for (const file of result.extra) io.stdout(`extra:   ${file}\n`);
      if (result.ok)
        io.stdout(`ok: ${result.checked} files match the manifest; audit log head ${result.auditLogHead}\n`);
      else io.stderr(`the folder does not match its manifest (audit log head ${result.auditLogHead})\n`);
    }
    return result.ok ? EXIT.ok : EXIT.problems;
  },
};
