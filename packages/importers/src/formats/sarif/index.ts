import type { Format } from '../../format.ts';
import { detectSarif } from './detect.ts';
import { parseSarif, parseSarifFile } from './parse.ts';

export const sarif: Format = {
  name: 'sarif',
  label: 'SARIF 2.1.0 (any tool)',
  versions: 'SARIF 2.1.0, any driver (CodeQL, Semgrep, Grype, Gitleaks 7, SpotBugs, Flawfinder, ShiftLeft…)',
  detect: detectSarif,
  parse: parseSarif,
  parseFile: parseSarifFile,
};
