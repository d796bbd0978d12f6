import type { Format } from '../../format.ts';
import { csvHeader } from '../../util/csv.ts';
import { firstChar } from '../../util/json.ts';
import { parseTestsslCsv, parseTestsslJson } from './parse.ts';

export const testsslCsv: Format = {
  name: 'testssl-csv',
  label: 'testssl.sh CSV',
  versions: 'testssl.sh 3.x `--csv` (id, fqdn/ip, port, severity, finding, cve, cwe)',
  detect: (sample) => {
    const h = csvHeader(sample);
    return h[0] === 'id' && h.includes('fqdn/ip') && h.includes('severity') && h.includes('finding');
  },
  parse: parseTestsslCsv,
};

export const testsslJson: Format = {
  name: 'testssl-json',
  label: 'testssl.sh JSON',
  versions: 'testssl.sh 3.x `--json` (flat) and `--json-pretty` (`scanResult`)',
  detect: (sample) => {
    const c = firstChar(sample);
    if (c === '{') return /"scanResult"\s*:/.test(sample) && /testssl/i.test(sample);
    return (
      c === '[' &&
      /"id"\s*:/.test(sample) &&
      /"ip"\s*:/.test(sample) &&
      /"severity"\s*:/.test(sample) &&
      /"finding"\s*:/.test(sample)
    );
  },
  parse: parseTestsslJson,
};
