import { indexCatalogue, type Catalogue, type Lang } from '@mica-audit/core';

export interface Count {
  readonly key: string;
  readonly label: string;
  readonly requirements: number;
}

export interface LibraryStats {
  readonly id: string;
  readonly version: string;
  readonly requirements: number;
  readonly byTitle: readonly Count[];
  readonly byArticle: readonly Count[];
  readonly byDomain: readonly Count[];
}

function tally(counts: Map<string, Count>, key: string, label: string): void {
  const current = counts.get(key);
  counts.set(key, { key, label, requirements: (current?.requirements ?? 0) + 1 });
}

/** Counts assessable requirements by title (top-level node), article and domain, per library. */
export function catalogueStats(catalogue: Catalogue, lang: Lang = 'en'): LibraryStats[] {
  const index = indexCatalogue(catalogue);
  const domainNames = new Map(catalogue.domains.map((d) => [d.id, d.name[lang]]));
  return catalogue.libraries.map((library) => {
    const byTitle = new Map<string, Count>();
    const byArticle = new Map<string, Count>();
    const byDomain = new Map<string, Count>();
    let requirements = 0;
    for (const node of library.nodes) {
      if (!node.assessable) continue;
      requirements++;
      let top = node;
      while (top.parent !== undefined) top = index.nodes.get(top.parent) ?? top;
      if (top !== node || node.parent === undefined) tally(byTitle, top.ref, top.title[lang]);
      const article = node.source?.article ?? '?';
      tally(byArticle, article, /^[0-9]/.test(article) ? `Art. ${article}` : article);
      for (const domain of node.domains) tally(byDomain, domain, domainNames.get(domain) ?? domain);
    }
    return {
      id: library.id,
      version: library.version,
      requirements,
      byTitle: [...byTitle.values()],
      byArticle: [...byArticle.values()],
      byDomain: [...byDomain.values()].sort(
        (a, b) => b.requirements - a.requirements || a.key.localeCompare(b.key),
      ),
    };
  });
}
