import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { hostKey, urlOrigin } from '../../asset.ts';
import { inferCategories } from '../../categories.ts';
import { malformed } from '../../errors.ts';
import { AUDIT_TYPES, FINDING_STATUSES, SEVERITIES } from '../../finding.ts';
import type { AuditType, Cvss, Finding, FindingLocation, FindingStatus, Severity } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { cvssVersionOf } from '../../severity.ts';
import { parseCsv } from '../../util/csv.ts';
import { MANUAL_REQUIRED } from './columns.ts';

function list(value: string | undefined): string[] {
  return (value ?? '').split(/[;\s,]+/).filter((x) => x !== '');
}

function oneOf<T extends string>(values: readonly T[], value: string, line: number, column: string): T {
  const v = value.trim().toLowerCase();
  const hit = values.find((x) => x === v);
  if (hit === undefined)
    throw malformed('manual-csv', `line ${line}`, `${column} "${value}" is not one of ${values.join(', ')}`);
  return hit;
}

function locationOf(
  type: string,
  value: string,
  method: string,
  param: string,
  line: number,
): FindingLocation {
  switch (type.trim().toLowerCase()) {
    case 'url':
      return {
        kind: 'url',
        url: value,
        ...(method === '' ? {} : { method }),
        ...(param === '' ? {} : { param }),
      };
    case 'host': {
      const m = /^(.*?)(?::(\d+))?(?:\/(tcp|udp))?$/.exec(value.trim());
      const port = m?.[2] === undefined ? undefined : Number(m[2]);
      return {
        kind: 'host',
        host: hostKey(m?.[1] ?? value),
        ...(port === undefined ? {} : { port }),
        ...(m?.[3] === undefined ? {} : { protocol: m[3] }),
      };
    }
    case 'file': {
      const m = /^(.*?)(?::(\d+))?$/.exec(value.trim());
      return { kind: 'file', file: m?.[1] ?? value, ...(m?.[2] === undefined ? {} : { line: Number(m[2]) }) };
    }
    case 'cloud': {
      const [provider = 'cloud', account, region, ...rest] = value.split(':');
      return {
        kind: 'cloud',
        provider,
        ...(account ? { account } : {}),
        ...(region ? { region } : {}),
        resourceId: rest.join(':') || value,
      };
    }
    case 'contract': {
      const [contract = value, fn] = value.split('.');
      return { kind: 'contract', contract, ...(fn === undefined ? {} : { function: fn }) };
    }
    case '':
    case 'none':
      return { kind: 'none' };
    default:
      throw malformed(
        'manual-csv',
        `line ${line}`,
        `location_type "${type}" is not one of url, host, file, cloud, contract, none`,
      );
  }
}

/** The manual pentest findings template (`templates/manual-findings.csv`); every row is checked, errors name the line. */
export function parseManualCsv(content: string, options: ParseOptions): ParsedFile {
  const ctx: BuildContext = { tool: 'Manual', now: options.now };
  const findings: Finding[] = parseCsv(content, 'manual-csv').map(({ line, values }) => {
    const get = (k: string): string => (values[k] ?? '').trim();
    for (const k of MANUAL_REQUIRED)
      if (get(k) === '') throw malformed('manual-csv', `line ${line}`, `column ${k} is required`);
    const severity: Severity = oneOf(SEVERITIES, get('severity'), line, 'severity');
    const auditType: AuditType = oneOf(AUDIT_TYPES, get('audit_type'), line, 'audit_type');
    const status: FindingStatus =
      get('status') === '' ? 'open' : oneOf(FINDING_STATUSES, get('status'), line, 'status');
    const vector = get('cvss_vector');
    const score = get('cvss_score') === '' ? undefined : Number(get('cvss_score'));
    if (score !== undefined && !(score >= 0 && score <= 10))
      throw malformed('manual-csv', `line ${line}`, 'cvss_score must be between 0 and 10');
    const cvss: Cvss[] =
      vector === '' && score === undefined
        ? []
        : [
            {
              version: cvssVersionOf(vector || undefined),
              ...(vector === '' ? {} : { vector }),
              ...(score === undefined ? {} : { score }),
            },
          ];
    const location = locationOf(get('location_type'), get('location'), get('method'), get('param'), line);
    const asset = get('asset');
    const category = list(get('category'));
    return newFinding(
      {
        ruleId:
          get('id') === ''
            ? `manual:${get('title')
                .toLowerCase()
                .replace(/[^a-z0-9]+/g, '-')}`
            : get('id'),
        title: get('title'),
        description: [
          get('description'),
          get('recommendation') === '' ? '' : `Recommendation: ${get('recommendation')}`,
        ]
          .filter((x) => x !== '')
          .join('\n\n'),
        severity,
        rawSeverity: get('severity'),
        cvss,
        cwe: list(get('cwe')),
        cve: list(get('cve')),
        location,
        asset: /^[a-z]+:\/\//i.test(asset) ? urlOrigin(asset) : asset.toLowerCase(),
        evidence: get('evidence'),
        categories: inferCategories(category, get('title')),
        status,
        ...(get('tester') === ''
          ? {}
          : {
              statusReason: `reported by ${get('tester')}${get('tested_at') === '' ? '' : ` on ${get('tested_at')}`}`,
            }),
        auditType,
        references: list(get('references')),
      },
      ctx,
    );
  });
  return { tool: 'Manual', findings, assets: [] };
}
