import type { Format } from '../../format.ts';
import { firstChar } from '../../util/json.ts';
import { parseNpmAudit } from './parse.ts';

export const npmAudit: Format = {
  name: 'npm-audit',
  label: 'npm audit JSON',
  versions: 'npm ≤6 (`advisories`) and npm 7+ (`auditReportVersion: 2`, `vulnerabilities`)',
  detect: (sample) =>
    firstChar(sample) === '{' &&
    (/"auditReportVersion"\s*:\s*2/.test(sample) ||
      (/"advisories"\s*:/.test(sample) && /"(actions|muted)"\s*:/.test(sample))),
  parse: parseNpmAudit,
};
