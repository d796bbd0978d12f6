import type { Format } from '../../format.ts';
import { csvHeader } from '../../util/csv.ts';
import { parseManualCsv } from './parse.ts';

export const manualCsv: Format = {
  name: 'manual-csv',
  label: 'Manual findings CSV (mica-audit template)',
  versions: 'templates/manual-findings.csv, template version 1',
  detect: (sample) => {
    const h = csvHeader(sample);
    return ['title', 'severity', 'audit_type', 'asset', 'description'].every((c) => h.includes(c));
  },
  parse: parseManualCsv,
};
