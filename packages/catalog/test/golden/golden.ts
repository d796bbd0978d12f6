import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  parseProfile,
  scope,
  type Catalogue,
  type ScopeResult,
  type ScopedRequirement,
} from '@mica-audit/core';
import { loadValidCatalogue } from '../../src/load-catalogue.ts';

let bundled: Promise<Catalogue> | undefined;

/** Scopes a golden profile (a YAML file beside this one) against the bundled catalogue. */
export async function scopeGolden(name: string): Promise<ScopeResult> {
  bundled ??= loadValidCatalogue();
  const profile = parseProfile(parse(readFileSync(new URL(`${name}.yaml`, import.meta.url), 'utf8')));
  return scope(profile, await bundled);
}

/** The articles (or annexes) of one regulation that have at least one applicable requirement, in catalogue order. */
export function applicableArticles(result: ScopeResult, regulation: string): string[] {
  const articles: string[] = [];
  for (const r of result.requirements) {
    if (r.regulation === regulation && r.applicable && !articles.includes(r.source.article))
      articles.push(r.source.article);
  }
  return articles;
}

/** The requirement with this urn; fails loudly if the catalogue lost it. */
export function requirement(result: ScopeResult, urn: string): ScopedRequirement {
  const found = result.requirements.find((r) => r.urn === urn);
  if (found === undefined) throw new Error(`no requirement ${urn} in the bundled catalogue`);
  return found;
}

/** English reasons of a requirement, for readable assertions. */
export function reasons(result: ScopeResult, urn: string): string[] {
  return requirement(result, urn).reasons.map((r) => r.en);
}

/** How many requirements of a regulation apply. */
export function applicableCount(result: ScopeResult, regulation: string): number {
  return result.requirements.filter((r) => r.regulation === regulation && r.applicable).length;
}
