import { hash } from 'node:crypto';
import type { FindingLocation } from './finding.ts';

/** Collapses runs of whitespace so that re-wrapped messages keep the same identity. */
export function normaliseText(value: string): string {
  // Fast path: most texts are already normalised; the regex replace is costly on 300,000 results.
  return /\s\s|[\t\n\r\f\v]|^\s|\s$/.test(value) ? value.replace(/\s+/g, ' ').trim() : value;
}

/** The location part of a fingerprint: only identifying fields, normalised. */
export function locationKey(location: FindingLocation): string {
  switch (location.kind) {
    case 'file':
      return `file|${normalisePath(location.file)}|${location.line ?? ''}|${location.column ?? ''}|${location.commit ?? ''}`;
    case 'url':
      return `url|${location.url.trim()}|${(location.method ?? '').toUpperCase()}|${location.param ?? ''}`;
    case 'host':
      return `host|${location.host.toLowerCase()}|${location.port ?? ''}|${(location.protocol ?? '').toLowerCase()}`;
    case 'cloud':
      return `cloud|${location.provider.toLowerCase()}|${location.account ?? ''}|${location.region ?? ''}|${location.resourceId}`;
    case 'contract':
      return `contract|${location.contract}|${location.function ?? ''}|${location.file ?? ''}|${location.line ?? ''}`;
    case 'package':
      return `package|${location.name}|${location.version ?? ''}|${location.target ?? ''}`;
    case 'none':
      return 'none';
  }
}

/** `./a/b`, `file:///a/b` and `a\b` name the same file. */
export function normalisePath(path: string): string {
  if (!/^\s|\s$|^file:|\\|^\.\/|\/\//i.test(path)) return path;
  return path
    .trim()
    .replace(/^file:\/+/i, '/')
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .replace(/\/{2,}/g, '/');
}

/** SHA-256 over normalised tool + rule + location (+ an optional discriminator such as a package target). */
export function fingerprint(tool: string, ruleId: string, location: FindingLocation, extra = ''): string {
  const material = [
    normaliseText(tool).toLowerCase(),
    normaliseText(ruleId),
    locationKey(location),
    extra,
  ].join('\u0000');
  return hash('sha256', material, 'hex');
}
