import type { Lang } from '../rules/rule.types.ts';
import type { ScopeResult } from './scope.ts';

/** The documented JSON contract of `mica-audit scope --json`, read by other tools. */
export interface ScopeJson {
  readonly profile: ScopeResult['profile'];
  readonly catalogue: ScopeResult['catalogue'];
  readonly warnings: readonly string[];
  readonly requirements: readonly {
    readonly urn: string;
    readonly regulation: string;
    readonly article: string;
    readonly paragraph: string | null;
    readonly point: string | null;
    readonly ref: string;
    readonly title: string;
    readonly domains: readonly string[];
    readonly applicable: boolean;
    readonly reasons: readonly string[];
    readonly mapped: readonly { readonly urn: string; readonly relation: string }[];
  }[];
}

/** Renders a scope result in one language as the JSON contract. */
export function toScopeJson(result: ScopeResult, lang: Lang): ScopeJson {
  return {
    profile: result.profile,
    catalogue: result.catalogue,
    warnings: result.warnings,
    requirements: result.requirements.map((r) => ({
      urn: r.urn,
      regulation: r.regulation,
      article: r.source.article,
      paragraph: r.source.paragraph ?? null,
      point: r.source.point ?? null,
      ref: r.ref,
      title: r.title[lang],
      domains: r.domains,
      applicable: r.applicable,
      reasons: r.reasons.map((reason) => reason[lang]),
      mapped: r.mapped.map((m) => ({ urn: m.urn, relation: m.relation })),
    })),
  };
}
