import type { Rule, Text } from '../rules/rule.types.ts';

/** Where a requirement comes from in the legal text. Strings, since points are letters and articles can be annexes. */
export interface SourceRef {
  readonly regulation: string;
  readonly article: string;
  readonly paragraph?: string | undefined;
  readonly point?: string | undefined;
  readonly subparagraph?: string | undefined;
}

export interface Level2Ref {
  readonly act: string;
  readonly article?: string | undefined;
  readonly note?: string | undefined;
}

export interface Exemption {
  readonly rule: Rule;
  readonly when: string;
  readonly reason: Text;
}

/** One node of a loaded library: a title, chapter or article for structure, or an assessable requirement. */
export interface CatalogueNode {
  readonly urn: string;
  readonly library: string;
  readonly parent: string | undefined;
  readonly ref: string;
  readonly title: Text;
  readonly statement: Text | undefined;
  readonly assessable: boolean;
  readonly source: SourceRef | undefined;
  readonly level2: readonly Level2Ref[];
  readonly rule: Rule | undefined;
  readonly ruleText: string | undefined;
  readonly exemptions: readonly Exemption[];
  readonly evidence: readonly Text[];
  readonly questions: readonly Text[];
  readonly domains: readonly string[];
}

export interface Act {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly celex?: string | undefined;
  readonly reference?: string | undefined;
}

export interface Library {
  readonly urn: string;
  readonly id: string;
  readonly name: Text;
  readonly description: Text;
  readonly version: string;
  readonly publicationDate: string;
  readonly regulation: {
    readonly shortName: string;
    readonly title: string;
    readonly celex?: string | undefined;
    readonly eli?: string | undefined;
  };
  readonly rule: Rule | undefined;
  readonly ruleText: string | undefined;
  readonly acts: readonly Act[];
  /** Parents always come before their children. */
  readonly nodes: readonly CatalogueNode[];
}

export type MappingRelation = 'equal' | 'subset' | 'superset' | 'intersect';

export interface Mapping {
  readonly from: string;
  readonly to: string;
  readonly relation: MappingRelation;
  readonly rationale: string;
}

export interface Domain {
  readonly id: string;
  readonly name: Text;
}

/** Everything scoping and reporting need: the libraries, the mappings between them and the domain names. */
export interface Catalogue {
  readonly libraries: readonly Library[];
  readonly mappings: readonly Mapping[];
  readonly domains: readonly Domain[];
}
