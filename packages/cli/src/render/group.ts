import { indexCatalogue, type Catalogue, type ScopedRequirement } from '@mica-audit/core';

export interface RequirementGroup {
  readonly regulation: string;
  readonly title: string;
  readonly requirements: ScopedRequirement[];
}

/** Groups requirements by regulation and by their top-level node (the title of the regulation). */
export function groupByTitle(
  catalogue: Catalogue,
  requirements: readonly ScopedRequirement[],
  lang: 'en' | 'fr',
): RequirementGroup[] {
  const index = indexCatalogue(catalogue);
  const groups = new Map<string, RequirementGroup>();
  for (const requirement of requirements) {
    let node = index.nodes.get(requirement.urn);
    while (node?.parent !== undefined) node = index.nodes.get(node.parent);
    const title = node === undefined ? '' : `${node.ref} ${node.title[lang]}`;
    const key = `${requirement.regulation}\u0000${title}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { regulation: requirement.regulation, title, requirements: [] };
      groups.set(key, group);
    }
    group.requirements.push(requirement);
  }
  return [...groups.values()];
}
