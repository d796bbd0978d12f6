import { newFinding } from '../../build.ts';
import type { BuildContext } from '../../build.ts';
import { urlOrigin } from '../../asset.ts';
import { inferCategories } from '../../categories.ts';
import type { Finding, Severity } from '../../finding.ts';

/** ZAP riskcode: 0 informational, 1 low, 2 medium, 3 high. */
const RISK: readonly Severity[] = ['info', 'low', 'medium', 'high'];

/** One alert as ZAP gives it in XML and JSON (both use the same element names). */
export interface ZapAlert {
  readonly pluginId: string;
  readonly name: string;
  readonly riskcode?: string;
  readonly riskdesc?: string;
  readonly desc?: string;
  readonly solution?: string;
  readonly otherinfo?: string;
  readonly reference?: string;
  readonly cweid?: string;
  readonly instances: readonly ZapInstance[];
}

export interface ZapInstance {
  readonly uri: string;
  readonly method?: string;
  readonly param?: string;
  readonly attack?: string;
  readonly evidence?: string;
}

/** Strips the HTML paragraphs ZAP puts in descriptions. */
export function stripHtml(value: string | undefined): string | undefined {
  return value
    ?.replace(/<\/p>\s*<p>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .trim();
}

/** One finding per alert instance: the URL, method and parameter identify it. */
export function mapZapAlert(alert: ZapAlert, site: string, ctx: BuildContext): Finding[] {
  const code = Number(alert.riskcode);
  const severity = RISK[code] ?? 'info';
  const references = (stripHtml(alert.reference) ?? '').split(/\s+/);
  const cwe = alert.cweid !== undefined && Number(alert.cweid) > 0 ? [alert.cweid] : [];
  const instances: readonly ZapInstance[] = alert.instances.length > 0 ? alert.instances : [{ uri: site }];
  return instances.map((i) =>
    newFinding(
      {
        ruleId: alert.pluginId,
        title: alert.name,
        description: [stripHtml(alert.desc), stripHtml(alert.solution), stripHtml(alert.otherinfo)]
          .filter((x) => x !== undefined && x !== '')
          .join('\n\n'),
        severity,
        rawSeverity: alert.riskdesc ?? alert.riskcode ?? 'unknown',
        cwe,
        location: {
          kind: 'url',
          url: i.uri,
          ...(i.method === undefined ? {} : { method: i.method }),
          ...(i.param === undefined ? {} : { param: i.param }),
        },
        asset: urlOrigin(i.uri),
        evidence: [i.attack === undefined ? undefined : `attack: ${i.attack}`, i.evidence]
          .filter((x) => x !== undefined)
          .join('\n'),
        categories: inferCategories([], alert.name, alert.desc),
        auditType: 'intrusion-test',
        references,
      },
      ctx,
    ),
  );
}
