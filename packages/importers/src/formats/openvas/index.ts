import type { Format } from '../../format.ts';
import { rootElementName } from '../../util/xml.ts';
import { parseOpenvas } from './parse.ts';

export const openvas: Format = {
  name: 'openvas',
  label: 'OpenVAS / Greenbone XML',
  versions: 'GMP/OMP XML report export (GVM 9–22.x)',
  detect: (sample) =>
    rootElementName(sample) === 'report' && /format_id=|<(gmp|omp)>|<nvt\s+oid=|<results[\s>]/.test(sample),
  parse: parseOpenvas,
};
