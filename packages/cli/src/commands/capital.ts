import { artOwnFundsRequirement, caspPrudentialRequirement, significantCasp } from '@mica-audit/core';
import { DomainError } from '@mica-audit/core';
import { EXIT, type Command } from '../command.ts';
import { printJson, readProfileFile } from '../io-helpers.ts';

const eur = (value: number | null) => (value === null ? '—' : `EUR ${value.toLocaleString('en-GB')}`);

export const capitalCommand: Command = {
  name: 'capital',
  summary:
    'Compute the minimum own funds of a CASP (MiCA Art. 67 and Annex IV), and of an ART issuer (Art. 35)',
  usage: 'mica-audit capital --profile FILE [--json]',
  examples: [
    'mica-audit capital --profile packages/cli/examples/custody-transfer-casp.yaml',
    'mica-audit capital --profile firm.yaml --json',
  ],
  options: { profile: { type: 'string', short: 'p' }, json: { type: 'boolean' } },
  optionHelp: [
    "--profile FILE  entity profile, YAML or JSON; facts.fixedOverheadsEUR gives the previous year's fixed overheads",
    '--json          print { applicable, class, permanentMinimumEUR, fixedOverheadsQuarterEUR, requiredOwnFundsEUR, reasons }',
  ],
  async run({ io, values }) {
    if (typeof values.profile !== 'string') throw new DomainError('cli.usage', '--profile FILE is required');
    const profile = await readProfileFile(io, values.profile);
    const casp = caspPrudentialRequirement(profile);
    if (values.json === true) {
      printJson(io, casp);
      return EXIT.ok;
    }
    const lines = [`${profile.name} — MiCA Art. 67 prudential safeguards`];
    if (casp.applicable) {
      lines.push(
        `  Annex IV class:              ${casp.class ?? '—'}`,
        `  permanent minimum capital:   ${eur(casp.permanentMinimumEUR)}`,
        `  quarter of fixed overheads:  ${eur(casp.fixedOverheadsQuarterEUR)}`,
        `  required own funds:          ${eur(casp.requiredOwnFundsEUR)}`,
      );
    } else lines.push('  not applicable');
    lines.push(...casp.reasons.map((reason) => `  · ${reason}`));
    if (profile.issuance.includes('art')) {
      const art = artOwnFundsRequirement(profile);
      lines.push(
        '',
        `${profile.name} — MiCA Art. 35 own funds of an ART issuer`,
        ...Object.entries(art)
          .filter(([k]) => k !== 'reasons')
          .map(([k, v]) => `  ${k}: ${typeof v === 'number' ? eur(v) : String(v)}`),
      );
      lines.push(...art.reasons.map((reason) => `  · ${reason}`));
    }
    if (profile.legalStatus === 'casp') {
      const significance = significantCasp(profile);
      lines.push('', 'MiCA Art. 85 significance', ...significance.reasons.map((reason) => `  · ${reason}`));
    }
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT.ok;
  },
};
