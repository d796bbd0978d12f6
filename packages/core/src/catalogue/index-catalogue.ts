import type { Catalogue, CatalogueNode, MappingRelation } from './model.ts';

export interface MappedRequirement {
  readonly urn: string;
  readonly relation: MappingRelation;
  readonly rationale: string;
}

const INVERSE: Record<MappingRelation, MappingRelation> = {
  equal: 'equal',
  subset: 'superset',
  superset: 'subset',
  intersect: 'intersect',
};

/** Look-ups over a catalogue, built once: nodes by urn, children, and mappings in both directions. */
export interface CatalogueIndex {
  readonly nodes: ReadonlyMap<string, CatalogueNode>;
  readonly children: ReadonlyMap<string, readonly CatalogueNode[]>;
  readonly mapped: ReadonlyMap<string, readonly MappedRequirement[]>;
}

const cache = new WeakMap<Catalogue, CatalogueIndex>();

/** Indexes a catalogue (memoised per catalogue object). */
export function indexCatalogue(catalogue: Catalogue): CatalogueIndex {
  const cached = cache.get(catalogue);
  if (cached !== undefined) return cached;
  const nodes = new Map<string, CatalogueNode>();
  const children = new Map<string, CatalogueNode[]>();
  for (const library of catalogue.libraries) {
    for (const node of library.nodes) {
      nodes.set(node.urn, node);
      if (node.parent !== undefined) {
        const siblings = children.get(node.parent) ?? [];
        siblings.push(node);
        children.set(node.parent, siblings);
      }
    }
  }
  const mapped = new Map<string, MappedRequirement[]>();
  const add = (urn: string, entry: MappedRequirement) => {
    const list = mapped.get(urn) ?? [];
    list.push(entry);
    mapped.set(urn, list);
  };
  for (const mapping of catalogue.mappings) {
    add(mapping.from, { urn: mapping.to, relation: mapping.relation, rationale: mapping.rationale });
    add(mapping.to, { urn: mapping.from, relation: INVERSE[mapping.relation], rationale: mapping.rationale });
  }
  const index = { nodes, children, mapped };
  cache.set(catalogue, index);
  return index;
}
