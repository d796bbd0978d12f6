import type { Format } from '../format.ts';
import { burp } from './burp/index.ts';
import { checkov } from './checkov/index.ts';
import { gitleaks } from './gitleaks/index.ts';
import { manualCsv } from './manual/index.ts';
import { mythril } from './mythril/index.ts';
import { nmap } from './nmap/index.ts';
import { npmAudit } from './npm-audit/index.ts';
import { nuclei } from './nuclei/index.ts';
import { openvasCsv } from './openvas/csv.ts';
import { openvas } from './openvas/index.ts';
import { prowlerCsv } from './prowler/csv.ts';
import { prowler } from './prowler/index.ts';
import { sarif } from './sarif/index.ts';
import { semgrep } from './semgrep/index.ts';
import { slither } from './slither/index.ts';
import { testsslCsv, testsslJson } from './testssl/index.ts';
import { trivy } from './trivy/index.ts';
import { zapJson, zapXml } from './zap/index.ts';

/** Every supported format, in detection order: the most specific signatures first. */
export const FORMATS: readonly Format[] = [
  sarif,
  nmap,
  zapXml,
  burp,
  openvas,
  trivy,
  prowler,
  semgrep,
  npmAudit,
  checkov,
  slither,
  mythril,
  nuclei,
  gitleaks,
  zapJson,
  testsslJson,
  testsslCsv,
  openvasCsv,
  prowlerCsv,
  manualCsv,
];
