import type { Format } from '../../format.ts';
import { firstChar } from '../../util/json.ts';
import { rootElementName } from '../../util/xml.ts';
import { parseZapJson, parseZapXml } from './parse.ts';

export const zapXml: Format = {
  name: 'zap-xml',
  label: 'OWASP ZAP XML',
  versions: 'traditional XML report, ZAP 2.7–2.16 and weekly builds (D-yyyy-mm-dd)',
  detect: (sample) => rootElementName(sample) === 'OWASPZAPReport',
  parse: parseZapXml,
};

export const zapJson: Format = {
  name: 'zap-json',
  label: 'OWASP ZAP JSON',
  versions: 'traditional JSON report (`@version`, `site[].alerts[]`), ZAP 2.9+',
  detect: (sample) =>
    firstChar(sample) === '{' &&
    /"@version"\s*:/.test(sample) &&
    /"site"\s*:/.test(sample) &&
    /"@generated"|"alerts"/.test(sample),
  parse: parseZapJson,
};
