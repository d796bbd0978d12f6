import { DomainError } from '@mica-audit/core';
import type { MappingFile, NodeEntry } from '../library.schema.ts';
import { parseArticleRef, scalar, shortTitle, Unmapped, urnSafe, type ConvertedLibrary } from './output.ts';

interface CisoNode {
  urn: string;
  parent_urn?: string;
  ref_id?: string;
  name?: string;
  description?: string;
  assessable?: boolean;
  typical_evidence?: string;
  questions?: unknown;
  annotation?: string;
  translations?: Record<
    string,
    { name?: string; description?: string; typical_evidence?: string; annotation?: string }
  >;
  [key: string]: unknown;
}

const KNOWN_NODE_KEYS = new Set([
  'urn',
  'parent_urn',
  'ref_id',
  'name',
  'description',
  'assessable',
  'depth',
  'typical_evidence',
  'questions',
  'translations',
  'annotation',
]);

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DomainError(
      'catalog.import_invalid',
      `not a CISO Assistant library: ${what} is missing or not a mapping`,
    );
  }
  return value as Record<string, unknown>;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function evidenceLines(value: string | undefined): string[] {
  return (value ?? '')
    .split('\n')
    .map((line) => line.replace(/^[-*•\s]+/, '').trim())
    .filter((line) => line !== '');
}

function questionTexts(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value as Record<string, unknown>)
    .map((q) => (typeof q === 'object' && q !== null ? text((q as Record<string, unknown>).text) : text(q)))
    .filter((q): q is string => q !== undefined)
    .slice(0, 3);
}

/**
 * Converts a CISO Assistant library (framework with requirement nodes, translations, mapping sets) into our format.
 * Content our format has no place for is counted in the report, never silently dropped.
 */
export function convertCisoAssistant(document: unknown, options: { id?: string } = {}): ConvertedLibrary {
  const doc = record(document, 'the document');
  const objects = record(doc.objects, 'objects');
  const unmapped = new Unmapped();
  const refId = text(doc.ref_id) ?? text(doc.urn)?.split(':').pop() ?? 'imported';
  const id = urnSafe(options.id ?? `ciso-${refId}`);
  const urn = `urn:mica-audit:${id}`;
  const framework =
    objects.framework === undefined ? undefined : record(objects.framework, 'objects.framework');
  const rawNodes = Array.isArray(framework?.requirement_nodes)
    ? (framework.requirement_nodes as CisoNode[])
    : [];
  const urnOf = new Map<string, string>();
  const usedUrns = new Set<string>();
  for (const node of rawNodes) {
    const suffix = urnSafe(node.urn.split(':').pop() ?? node.urn) || `node-${urnOf.size + 1}`;
    let candidate = `${urn}:${suffix}`;
    for (let i = 2; usedUrns.has(candidate); i++) candidate = `${urn}:${suffix}-${i}`;
    usedUrns.add(candidate);
    urnOf.set(node.urn, candidate);
  }
  const nodes: NodeEntry[] = rawNodes.map((node) => {
    for (const key of Object.keys(node)) if (!KNOWN_NODE_KEYS.has(key)) unmapped.add(`node field "${key}"`);
    const description = text(node.description);
    const ref = text(node.ref_id) ?? text(node.name) ?? shortTitle(description ?? node.urn, 40);
    const title = text(node.name) ?? shortTitle(description ?? ref);
    const assessable = node.assessable === true;
    const parsed = node.ref_id === undefined ? undefined : parseArticleRef(node.ref_id);
    if (assessable && parsed === undefined)
      unmapped.add(
        'assessable node whose ref_id is not an article reference (source.article set to the ref_id)',
      );
    const fr = node.translations?.fr;
    for (const lang of Object.keys(node.translations ?? {}))
      if (lang !== 'fr') unmapped.add(`translation "${lang}"`);
    const evidence = evidenceLines(text(node.typical_evidence));
    const questions = questionTexts(node.questions);
    const entry: NodeEntry = {
      urn: urnOf.get(node.urn) ?? '',
      ...(node.parent_urn !== undefined && urnOf.has(node.parent_urn)
        ? { parent: urnOf.get(node.parent_urn) }
        : {}),
      ref,
      title,
      ...(description !== undefined && assessable ? { statement: description } : {}),
      assessable,
      ...(assessable ? { source: { regulation: refId, ...(parsed ?? { article: ref }) } } : {}),
      level2: [],
      exemptions: [],
      evidence,
      questions,
      domains: [],
      ...(fr !== undefined && (text(fr.name) ?? text(fr.description)) !== undefined
        ? {
            translations: {
              fr: {
                title: text(fr.name) ?? shortTitle(text(fr.description) ?? title),
                ...(assessable && text(fr.description) !== undefined
                  ? { statement: text(fr.description) }
                  : {}),
              },
            },
          }
        : {}),
    };
    if (description !== undefined && !assessable && text(node.name) !== undefined)
      unmapped.add('description of a structural node');
    if (node.parent_urn !== undefined && !urnOf.has(node.parent_urn))
      unmapped.add('parent_urn pointing outside the framework');
    return entry;
  });
  const mappings = convertMappingSets(objects, unmapped);
  for (const key of Object.keys(objects))
    if (key !== 'framework' && key !== 'requirement_mapping_sets' && key !== 'requirement_mapping_set')
      unmapped.add(`object "${key}"`);
  const frName = text(
    record(doc.translations ?? {}, 'translations').fr === undefined
      ? undefined
      : (doc.translations as Record<string, { name?: string }>).fr?.name,
  );
  const library = {
    urn,
    id,
    name: text(doc.name) ?? refId,
    version: `${Number.parseInt(scalar(doc.version) ?? '1', 10) || 1}.0.0`,
    publicationDate: text(doc.publication_date) ?? new Date().toISOString().slice(0, 10),
    description: shortTitle(text(doc.description) ?? text(doc.name) ?? refId, 400),
    regulation: {
      shortName: refId,
      title: shortTitle(text(doc.description) ?? text(doc.name) ?? refId, 400),
    },
    languages: frName === undefined ? ['en'] : ['en', 'fr'],
    imported: {
      format: 'ciso-assistant',
      source: text(doc.urn) ?? 'unknown',
      copyright: text(doc.copyright) ?? 'unknown',
    },
    ...(frName === undefined ? {} : { translations: { fr: { name: frName } } }),
    acts: [],
  };
  return {
    library,
    nodes,
    mappings,
    report: {
      format: 'ciso-assistant',
      nodes: nodes.length,
      assessable: nodes.filter((n) => n.assessable).length,
      mappings: mappings.reduce((n, m) => n + m.mappings.length, 0),
      unmapped: unmapped.lines(),
    },
  };
}

function convertMappingSets(objects: Record<string, unknown>, unmapped: Unmapped): MappingFile[] {
  const sets =
    objects.requirement_mapping_sets ??
    (objects.requirement_mapping_set === undefined ? [] : [objects.requirement_mapping_set]);
  if (!Array.isArray(sets)) return [];
  return sets.map((set: Record<string, unknown>) => {
    const lib = (frameworkUrn: unknown) =>
      `urn:mica-audit:ciso-${urnSafe(String(frameworkUrn).split(':').pop() ?? 'unknown')}`;
    const node = (requirementUrn: unknown, framework: unknown) => {
      const [, , , , fw, ...rest] = String(requirementUrn).split(':');
      return `${lib(fw ?? framework)}:${urnSafe(rest.join(':'))}`;
    };
    const list = Array.isArray(set.requirement_mappings)
      ? (set.requirement_mappings as Record<string, unknown>[])
      : [];
    for (const m of list)
      if (m.strength_of_relationship !== undefined) unmapped.add('mapping strength_of_relationship');
    const related = list.filter((m) => {
      if (['equal', 'subset', 'superset', 'intersect'].includes(String(m.relationship))) return true;
      unmapped.add(`mapping with relationship "${String(m.relationship)}" (left out)`);
      return false;
    });
    return {
      urn: `urn:mica-audit:mapping:${urnSafe(String(set.urn).split(':').pop() ?? 'mapping')}`,
      source: lib(set.source_framework_urn),
      target: lib(set.target_framework_urn),
      version: '1.0.0',
      mappings: related.map((m) => ({
        from: node(m.source_requirement_urn, set.source_framework_urn),
        to: node(m.target_requirement_urn, set.target_framework_urn),
        relation: m.relationship as MappingFile['mappings'][number]['relation'],
        rationale: text(m.rationale) ?? 'imported from CISO Assistant',
      })),
    };
  });
}
