import type { Format } from '../../format.ts';
import { rootElementName } from '../../util/xml.ts';
import { parseBurp } from './parse.ts';

export const burp: Format = {
  name: 'burp',
  label: 'Burp Suite XML',
  versions: 'Burp Suite 1.6–2021+ "Report issues" XML export, with or without base64 request/response',
  detect: (sample) => rootElementName(sample) === 'issues' && /burpVersion\s*=/.test(sample),
  parse: parseBurp,
};
