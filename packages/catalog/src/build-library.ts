import {
  DomainError,
  parseRule,
  type Act,
  type CatalogueNode,
  type Exemption,
  type Library,
  type Rule,
  type Text,
} from '@mica-audit/core';
import type { LibraryFile, NodeEntry } from './library.schema.ts';
import { problemAt, type YamlFile } from './yaml-file.ts';
import type { Problem } from './problems.ts';

/** A node as read, with the file and index it came from so problems can point at it. */
export interface PlacedNode {
  readonly entry: NodeEntry;
  readonly file: YamlFile;
  readonly index: number;
}

export interface PlacedAct {
  readonly act: Act;
  readonly file: YamlFile;
  readonly path: readonly PropertyKey[];
}

export interface LibraryInput {
  readonly meta: LibraryFile;
  readonly metaFile: YamlFile;
  readonly nodes: readonly PlacedNode[];
  readonly acts: readonly PlacedAct[];
}

function compileRule(source: string | undefined, report: (message: string) => void): Rule | undefined {
  if (source === undefined) return undefined;
  try {
    return parseRule(source);
  } catch (error) {
    report(error instanceof DomainError ? `rule: ${error.message}` : String(error));
    return undefined;
  }
}

/** Orders nodes so that parents come first, keeping file order among siblings; reports cycles. */
function parentsFirst(
  nodes: readonly PlacedNode[],
  byUrn: ReadonlyMap<string, PlacedNode>,
  problems: Problem[],
): PlacedNode[] {
  const ordered: PlacedNode[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (node: PlacedNode): void => {
    const mark = state.get(node.entry.urn);
    if (mark === 'done') return;
    if (mark === 'visiting') {
      problems.push(problemAt(node.file, ['nodes', node.index, 'parent'], 'parent chain forms a cycle'));
      return;
    }
    state.set(node.entry.urn, 'visiting');
    const parent = node.entry.parent === undefined ? undefined : byUrn.get(node.entry.parent);
    if (parent !== undefined) visit(parent);
    state.set(node.entry.urn, 'done');
    ordered.push(node);
  };
  nodes.forEach(visit);
  return ordered;
}

interface Context {
  readonly input: LibraryInput;
  readonly domains: ReadonlySet<string>;
  readonly actIds: ReadonlySet<string>;
  readonly problems: Problem[];
}

function checkNode(
  placed: PlacedNode,
  context: Context,
  byUrn: ReadonlyMap<string, PlacedNode>,
): CatalogueNode {
  const { entry, file, index } = placed;
  const { meta } = context.input;
  const at = (path: PropertyKey[], message: string) =>
    context.problems.push(problemAt(file, ['nodes', index, ...path], message));
  if (!entry.urn.startsWith(`${meta.urn}:`)) at(['urn'], `must start with the library urn "${meta.urn}:"`);
  if (entry.parent !== undefined && !byUrn.has(entry.parent))
    at(['parent'], `no node "${entry.parent}" in library ${meta.id}`);
  if (entry.parent === entry.urn) at(['parent'], 'a node cannot be its own parent');
  const rule = compileRule(entry.applicability, (message) => at(['applicability'], message));
  const exemptions: Exemption[] = [];
  entry.exemptions.forEach((exemption, i) => {
    const compiled = compileRule(exemption.when, (message) => at(['exemptions', i, 'when'], message));
    if (compiled !== undefined)
      exemptions.push({ rule: compiled, when: exemption.when, reason: exemption.reason });
  });
  entry.domains.forEach((domain, i) => {
    if (!context.domains.has(domain))
      at(['domains', i], `unknown domain "${domain}"; valid domains: ${[...context.domains].join(', ')}`);
  });
  entry.level2.forEach((ref, i) => {
    if (!context.actIds.has(ref.act))
      at(
        ['level2', i, 'act'],
        `unknown act "${ref.act}"; declare it under acts: in library.yaml or this file`,
      );
  });
  const fr = entry.translations?.fr;
  // Converted libraries keep what their source had; editorial completeness is required of our own libraries only.
  const editorial = meta.imported === undefined;
  const needsFr = editorial && meta.languages.includes('fr');
  if (needsFr && fr === undefined) at(['translations'], 'missing French translation (translations.fr.title)');
  if (entry.assessable) {
    if (entry.source === undefined) at(['source'], 'required for an assessable requirement');
    if (entry.statement === undefined) at(['statement'], 'required for an assessable requirement');
    if (editorial && entry.evidence.length === 0)
      at(['evidence'], 'list at least one piece of evidence an auditor would expect');
    if (editorial && entry.questions.length === 0) at(['questions'], 'give 1 to 3 assessment questions');
    if (editorial && entry.domains.length === 0) at(['domains'], 'give at least one domain');
    if (entry.source !== undefined && entry.source.regulation !== meta.regulation.shortName) {
      at(['source', 'regulation'], `must be "${meta.regulation.shortName}" (the library's regulation)`);
    }
    if (needsFr && fr !== undefined) {
      if (fr.statement === undefined) at(['translations', 'fr', 'statement'], 'missing French statement');
      if ((fr.evidence ?? []).length !== entry.evidence.length)
        at(['translations', 'fr', 'evidence'], `must list ${entry.evidence.length} item(s), like evidence`);
      if ((fr.questions ?? []).length !== entry.questions.length)
        at(
          ['translations', 'fr', 'questions'],
          `must list ${entry.questions.length} item(s), like questions`,
        );
    }
  }
  const both = (en: string, french: string | undefined): Text => ({ en, fr: french ?? en });
  return {
    urn: entry.urn,
    library: meta.id,
    parent: entry.parent,
    ref: entry.ref,
    title: both(entry.title, fr?.title),
    statement: entry.statement === undefined ? undefined : both(entry.statement, fr?.statement),
    assessable: entry.assessable,
    source: entry.source,
    level2: entry.level2,
    rule,
    ruleText: entry.applicability,
    exemptions,
    evidence: entry.evidence.map((item, i) => both(item, fr?.evidence?.[i])),
    questions: entry.questions.map((item, i) => both(item, fr?.questions?.[i])),
    domains: entry.domains,
  };
}

/** Checks one library's nodes against each other and the domain list, and builds its typed form. */
export function buildLibrary(
  input: LibraryInput,
  domains: ReadonlySet<string>,
  problems: Problem[],
): Library {
  const { meta, metaFile } = input;
  const acts = new Map<string, Act>();
  for (const placed of input.acts) {
    if (acts.has(placed.act.id))
      problems.push(
        problemAt(placed.file, [...placed.path, 'id'], `act "${placed.act.id}" is declared twice`),
      );
    acts.set(placed.act.id, placed.act);
  }
  const byUrn = new Map<string, PlacedNode>();
  for (const placed of input.nodes) {
    const previous = byUrn.get(placed.entry.urn);
    if (previous !== undefined) {
      problems.push(
        problemAt(
          placed.file,
          ['nodes', placed.index, 'urn'],
          `duplicate urn, first defined in ${previous.file.file}:nodes[${previous.index}]`,
        ),
      );
      continue;
    }
    byUrn.set(placed.entry.urn, placed);
  }
  const context: Context = { input, domains, actIds: new Set(acts.keys()), problems };
  const ordered = parentsFirst([...byUrn.values()], byUrn, problems);
  const nodes = ordered.map((placed) => checkNode(placed, context, byUrn));
  const rule = compileRule(meta.applicability, (message) =>
    problems.push(problemAt(metaFile, ['applicability'], message)),
  );
  if (meta.imported === undefined && meta.languages.includes('fr') && meta.translations?.fr === undefined) {
    problems.push(problemAt(metaFile, ['translations'], 'missing French name (translations.fr.name)'));
  }
  return {
    urn: meta.urn,
    id: meta.id,
    name: { en: meta.name, fr: meta.translations?.fr.name ?? meta.name },
    description: {
      en: meta.description ?? meta.name,
      fr: meta.translations?.fr.description ?? meta.description ?? meta.name,
    },
    version: meta.version,
    publicationDate: meta.publicationDate,
    regulation: meta.regulation,
    rule,
    ruleText: meta.applicability,
    acts: [...acts.values()],
    nodes,
  };
}
