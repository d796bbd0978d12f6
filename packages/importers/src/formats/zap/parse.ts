import type { BuildContext } from '../../build.ts';
import { newAsset, urlOrigin } from '../../asset.ts';
import type { Asset } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { arr, isRecord, parseJson, rec, str } from '../../util/json.ts';
import type { JsonRecord } from '../../util/json.ts';
import { attr, child, childText, children, parseXml } from '../../util/xml.ts';
import type { XmlNode } from '../../util/xml.ts';
import { mapZapAlert } from './map.ts';
import type { ZapAlert } from './map.ts';

function fromXml(a: XmlNode): ZapAlert {
  const t = (name: string): string | undefined => childText(a, name);
  return {
    pluginId: t('pluginid') ?? t('alertRef') ?? 'unknown',
    name: t('name') ?? t('alert') ?? 'ZAP alert',
    ...opt('riskcode', t('riskcode')),
    ...opt('riskdesc', t('riskdesc')),
    ...opt('desc', t('desc')),
    ...opt('solution', t('solution')),
    ...opt('otherinfo', t('otherinfo')),
    ...opt('reference', t('reference')),
    ...opt('cweid', t('cweid')),
    instances: children(child(a, 'instances'), 'instance').map((i) => ({
      uri: childText(i, 'uri') ?? '',
      ...opt('method', childText(i, 'method')),
      ...opt('param', childText(i, 'param')),
      ...opt('attack', childText(i, 'attack')),
      ...opt('evidence', childText(i, 'evidence')),
    })),
  };
}

function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function fromJson(a: JsonRecord): ZapAlert {
  return {
    pluginId: str(a.pluginid) ?? str(a.alertRef) ?? 'unknown',
    name: str(a.name) ?? str(a.alert) ?? 'ZAP alert',
    ...opt('riskcode', str(a.riskcode)),
    ...opt('riskdesc', str(a.riskdesc)),
    ...opt('desc', str(a.desc)),
    ...opt('solution', str(a.solution)),
    ...opt('otherinfo', str(a.otherinfo)),
    ...opt('reference', str(a.reference)),
    ...opt('cweid', str(a.cweid)),
    instances: arr(a.instances)
      .filter(isRecord)
      .map((i) => ({
        uri: str(i.uri) ?? '',
        ...opt('method', str(i.method)),
        ...opt('param', str(i.param)),
        ...opt('attack', str(i.attack)),
        ...opt('evidence', str(i.evidence)),
      })),
  };
}

/** ZAP "traditional" XML report (`<OWASPZAPReport>`). */
export function parseZapXml(content: string, options: ParseOptions): ParsedFile {
  const report = child(parseXml(content, 'zap'), 'OWASPZAPReport');
  const version = attr(report, 'version');
  const ctx: BuildContext = {
    tool: 'OWASP ZAP',
    now: options.now,
    ...(version === undefined ? {} : { toolVersion: version }),
  };
  const assets: Asset[] = [];
  const findings = children(report, 'site').flatMap((site) => {
    const name = attr(site, 'name') ?? '';
    assets.push(
      newAsset('url', urlOrigin(name), name, {
        host: attr(site, 'host') ?? '',
        port: attr(site, 'port') ?? '',
      }),
    );
    return children(child(site, 'alerts'), 'alertitem').flatMap((a) => mapZapAlert(fromXml(a), name, ctx));
  });
  return { tool: 'OWASP ZAP', ...(version === undefined ? {} : { toolVersion: version }), findings, assets };
}

/** ZAP "traditional" JSON report (`{"@version", "site": [...]}`). */
export function parseZapJson(content: string, options: ParseOptions): ParsedFile {
  const doc = rec(parseJson(content, 'zap-json'));
  const version = str(doc['@version']);
  const ctx: BuildContext = {
    tool: 'OWASP ZAP',
    now: options.now,
    ...(version === undefined ? {} : { toolVersion: version }),
  };
  const sites = Array.isArray(doc.site) ? doc.site : [doc.site];
  const assets: Asset[] = [];
  const findings = sites.filter(isRecord).flatMap((site) => {
    const name = str(site['@name']) ?? '';
    assets.push(
      newAsset('url', urlOrigin(name), name, {
        host: str(site['@host']) ?? '',
        port: str(site['@port']) ?? '',
      }),
    );
    return arr(site.alerts)
      .filter(isRecord)
      .flatMap((a) => mapZapAlert(fromJson(a), name, ctx));
  });
  return { tool: 'OWASP ZAP', ...(version === undefined ? {} : { toolVersion: version }), findings, assets };
}
