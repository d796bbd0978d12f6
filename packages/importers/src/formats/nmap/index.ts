import type { Format } from '../../format.ts';
import { rootElementName } from '../../util/xml.ts';
import { parseNmap, parseNmapFile } from './parse.ts';

export const nmap: Format = {
  name: 'nmap',
  label: 'Nmap XML',
  versions: 'nmap 5.51–7.9x, xmloutputversion 1.03–1.05 (-oX)',
  detect: (sample) => rootElementName(sample) === 'nmaprun',
  parse: parseNmap,
  parseFile: parseNmapFile,
};
