import { indexCatalogue, type MappedRequirement } from '../catalogue/index-catalogue.ts';
import type { Catalogue, CatalogueNode, Library, SourceRef } from '../catalogue/model.ts';
import { notificationWarnings } from '../profile/notification.ts';
import type { Profile } from '../profile/profile.schema.ts';
import { evaluate, test } from '../rules/evaluate.ts';
import type { Text } from '../rules/rule.types.ts';

export interface ScopedRequirement {
  readonly urn: string;
  readonly library: string;
  readonly regulation: string;
  readonly ref: string;
  readonly source: SourceRef;
  readonly title: Text;
  readonly domains: readonly string[];
  readonly applicable: boolean;
  /** The clauses that made it applicable, or the clause or exemption that excluded it. Never empty. */
  readonly reasons: readonly Text[];
  readonly mapped: readonly MappedRequirement[];
}

export interface ScopeResult {
  readonly profile: Profile;
  readonly catalogue: readonly { readonly id: string; readonly version: string }[];
  readonly requirements: readonly ScopedRequirement[];
  readonly warnings: readonly string[];
}

interface NodeState {
  readonly applicable: boolean;
  readonly reasons: readonly Text[];
}

function unique(reasons: readonly Text[]): Text[] {
  const byEnglish = new Map<string, Text>();
  for (const reason of reasons) if (!byEnglish.has(reason.en)) byEnglish.set(reason.en, reason);
  return [...byEnglish.values()];
}

function libraryState(library: Library, profile: Profile): NodeState {
  if (library.rule === undefined) return { applicable: true, reasons: [] };
  const result = evaluate(library.rule, profile);
  return { applicable: result.value, reasons: result.reasons };
}

function nodeState(node: CatalogueNode, parent: NodeState, profile: Profile): NodeState {
  if (!parent.applicable) return parent;
  let reasons = parent.reasons;
  if (node.rule !== undefined) {
    const own = evaluate(node.rule, profile);
    if (!own.value) return { applicable: false, reasons: own.reasons };
    reasons = unique([...reasons, ...own.reasons]);
  }
  for (const exemption of node.exemptions) {
    if (test(exemption.rule, profile)) {
      return { applicable: false, reasons: [exemption.reason, ...evaluate(exemption.rule, profile).reasons] };
    }
  }
  return reasons === parent.reasons ? parent : { applicable: true, reasons };
}

function everyEntity(library: Library): Text {
  const name = library.regulation.shortName;
  return {
    en: `applies to every entity within the scope of ${name}`,
    fr: `s'applique à toute entité relevant de ${name}`,
  };
}

/**
 * Decides, for every assessable requirement of the catalogue, whether it applies to the profile and why.
 * Pure and deterministic: the output order is the catalogue order.
 */
export function scope(profile: Profile, catalogue: Catalogue): ScopeResult {
  const index = indexCatalogue(catalogue);
  const requirements: ScopedRequirement[] = [];
  for (const library of catalogue.libraries) {
    const root = libraryState(library, profile);
    const states = new Map<string, NodeState>();
    for (const node of library.nodes) {
      const parent = node.parent === undefined ? root : (states.get(node.parent) ?? root);
      const state = nodeState(node, parent, profile);
      states.set(node.urn, state);
      if (!node.assessable || node.source === undefined) continue;
      requirements.push({
        urn: node.urn,
        library: library.id,
        regulation: library.regulation.shortName,
        ref: node.ref,
        source: node.source,
        title: node.title,
        domains: node.domains,
        applicable: state.applicable,
        reasons: state.reasons.length > 0 ? state.reasons : [everyEntity(library)],
        mapped: index.mapped.get(node.urn) ?? [],
      });
    }
  }
  return {
    profile,
    catalogue: catalogue.libraries.map((library) => ({ id: library.id, version: library.version })),
    requirements,
    warnings: notificationWarnings(profile),
  };
}
