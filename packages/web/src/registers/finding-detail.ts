// What the importer kept about a finding (`detail`, see the server's imports-write.ts), read defensively: rows
// written by older importers or by the demo seed carry less, or nothing.

export interface FindingFacts {
  readonly description: string | undefined;
  readonly location: string | undefined;
  readonly cvss: { readonly score?: number; readonly vector?: string; readonly version?: string } | undefined;
  readonly cwe: readonly number[];
  readonly cve: readonly string[];
  readonly evidence: string | undefined;
  readonly references: readonly string[];
  readonly occurrences: number | undefined;
  readonly toolVersion: string | undefined;
}

type Bag = Readonly<Record<string, unknown>>;
const isBag = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** One line for a finding's location, whatever kind of target it is; undefined when the tool gave none. */
export function locationText(location: unknown): string | undefined {
  if (!isBag(location)) return undefined;
  const at = (...parts: (string | number | undefined)[]) =>
    parts.filter((p) => p !== undefined && p !== '').join(':');
  switch (location.kind) {
    case 'file': {
      const where = at(text(location.file), num(location.line), num(location.column));
      const commit = text(location.commit);
      return commit === undefined ? where : `${where} @ ${commit.slice(0, 12)}`;
    }
    case 'url':
      return [
        text(location.method),
        text(location.url),
        text(location.param) && `(${String(location.param)})`,
      ]
        .filter((p) => p !== undefined)
        .join(' ');
    case 'host': {
      const host = at(text(location.host), num(location.port));
      const protocol = text(location.protocol);
      return protocol === undefined ? host : `${host}/${protocol}`;
    }
    case 'cloud':
      return [
        text(location.provider),
        text(location.account),
        text(location.region),
        text(location.resourceId),
      ]
        .filter((p) => p !== undefined)
        .join(' / ');
    case 'contract': {
      const name = [text(location.contract), text(location.function)]
        .filter((p) => p !== undefined)
        .join('.');
      const file = at(text(location.file), num(location.line));
      return file === '' ? name : `${name} (${file})`;
    }
    case 'package': {
      const version = text(location.version);
      const target = text(location.target);
      return `${String(location.name)}${version === undefined ? '' : `@${version}`}${target === undefined ? '' : ` in ${target}`}`;
    }
    default:
      return undefined;
  }
}

/** The facts of a finding's `detail` worth showing; missing ones are undefined or empty. */
export function findingFacts(detail: unknown): FindingFacts {
  const d = isBag(detail) ? detail : {};
  const cvss = isBag(d.cvss) ? d.cvss : undefined;
  const cvssScore = num(cvss?.score);
  const cvssVector = text(cvss?.vector);
  const cvssVersion = text(cvss?.version);
  return {
    description: text(d.description),
    location: locationText(d.location),
    cvss:
      cvss === undefined
        ? undefined
        : {
            ...(cvssScore === undefined ? {} : { score: cvssScore }),
            ...(cvssVector === undefined ? {} : { vector: cvssVector }),
            ...(cvssVersion === undefined ? {} : { version: cvssVersion }),
          },
    cwe: Array.isArray(d.cwe) ? d.cwe.filter((c): c is number => typeof c === 'number') : [],
    cve: Array.isArray(d.cve) ? d.cve.filter((c): c is string => typeof c === 'string') : [],
    evidence: text(d.evidence),
    references: Array.isArray(d.references)
      ? d.references.filter((r): r is string => typeof r === 'string')
      : [],
    occurrences: num(d.occurrences),
    toolVersion: text(d.toolVersion),
  };
}

/** A link for a reference only when it is an http(s) address: imported text never becomes a `javascript:` link. */
export function safeHref(reference: string): string | undefined {
  try {
    const url = new URL(reference);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
