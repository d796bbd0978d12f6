import { DomainError } from '@mica-audit/core';
import type { NodeEntry } from '../library.schema.ts';
import { scalar, shortTitle, Unmapped, urnSafe, type ConvertedLibrary } from './output.ts';

interface OscalPart {
  id?: string;
  name?: string;
  title?: string;
  prose?: string;
  props?: { name: string; value: string }[];
  parts?: OscalPart[];
}

interface OscalParam {
  id: string;
  label?: string;
  values?: string[];
  select?: { choice?: string[] };
}

interface OscalControl {
  id: string;
  title: string;
  class?: string;
  params?: OscalParam[];
  props?: { name: string; value: string }[];
  parts?: OscalPart[];
  links?: unknown[];
  controls?: OscalControl[];
}

interface OscalGroup {
  id?: string;
  title: string;
  params?: OscalParam[];
  parts?: OscalPart[];
  groups?: OscalGroup[];
  controls?: OscalControl[];
}

function label(props: OscalPart['props']): string | undefined {
  return props?.find((p) => p.name === 'label')?.value;
}

/** Flattens a part tree into text, with each sub-part on its own line behind its label. */
function flatten(part: OscalPart, params: ReadonlyMap<string, string>): string {
  const own = (part.prose ?? '').replace(
    /\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}/g,
    (_, id: string) => `[${params.get(id) ?? id}]`,
  );
  const children = (part.parts ?? []).map((child) => {
    const mark = label(child.props);
    return `${mark === undefined ? '' : `${mark} `}${flatten(child, params)}`;
  });
  return [own, ...children].filter((line) => line.trim() !== '').join('\n');
}

function paramLabels(list: readonly OscalParam[] | undefined, into: Map<string, string>): void {
  for (const param of list ?? []) {
    const value = param.values?.join(', ') ?? param.select?.choice?.join(' | ');
    into.set(param.id, value ?? `assignment: ${param.label ?? param.id}`);
  }
}

/**
 * Converts an OSCAL 1.x catalog (JSON) into our format: groups become structural nodes and controls (with their
 * enhancements) assessable requirements whose statement is the flattened statement part.
 */
export function convertOscalCatalog(document: unknown, options: { id?: string } = {}): ConvertedLibrary {
  const catalog = (
    document as {
      catalog?: {
        metadata?: Record<string, unknown>;
        groups?: OscalGroup[];
        controls?: OscalControl[];
        params?: OscalParam[];
        'back-matter'?: unknown;
      };
    } | null
  )?.catalog;
  if (catalog?.metadata === undefined)
    throw new DomainError(
      'catalog.import_invalid',
      'not an OSCAL catalog: expected a top-level "catalog" with "metadata"',
    );
  const unmapped = new Unmapped();
  const title = scalar(catalog.metadata.title) ?? 'OSCAL catalog';
  const id = urnSafe(options.id ?? `oscal-${title}`)
    .slice(0, 60)
    .replace(/-+$/, '');
  const urn = `urn:mica-audit:${id}`;
  const shortName = shortTitle(title, 40);
  const params = new Map<string, string>();
  paramLabels(catalog.params, params);
  const nodes: NodeEntry[] = [];
  const base = { level2: [], exemptions: [], evidence: [], questions: [], domains: [] };

  const addControl = (control: OscalControl, parent: string | undefined) => {
    paramLabels(control.params, params);
    const nodeUrn = `${urn}:${urnSafe(control.id)}`;
    const statementPart = control.parts?.find((p) => p.name === 'statement');
    const statement = statementPart === undefined ? undefined : flatten(statementPart, params);
    const objectives = (control.parts ?? []).filter(
      (p) => p.name === 'assessment-objective' || p.name === 'objective',
    );
    const questions = objectives
      .map((p) => shortTitle(flatten(p, params), 300))
      .filter((q) => q !== '')
      .slice(0, 3);
    for (const part of control.parts ?? [])
      if (!['statement', 'assessment-objective', 'objective'].includes(part.name ?? ''))
        unmapped.add(`control part "${part.name ?? '?'}"`);
    if ((control.links ?? []).length > 0) unmapped.add('control links');
    if (control.props?.some((p) => p.name !== 'label' && p.name !== 'sort-id'))
      unmapped.add('control props other than label and sort-id');
    const ref = label(control.props) ?? control.id.toUpperCase();
    nodes.push({
      ...base,
      urn: nodeUrn,
      ...(parent === undefined ? {} : { parent }),
      ref,
      title: control.title,
      assessable: statement !== undefined && statement !== '',
      ...(statement === undefined || statement === ''
        ? {}
        : { statement, source: { regulation: shortName, article: ref } }),
      questions,
    });
    if (statement === undefined || statement === '')
      unmapped.add('control without a statement part (kept as a structural node)');
    for (const child of control.controls ?? []) addControl(child, nodeUrn);
  };
  const addGroup = (group: OscalGroup, parent: string | undefined, index: number) => {
    paramLabels(group.params, params);
    const nodeUrn = `${urn}:${urnSafe(group.id ?? `group-${index + 1}`)}`;
    nodes.push({
      ...base,
      urn: nodeUrn,
      ...(parent === undefined ? {} : { parent }),
      ref: group.id ?? group.title,
      title: group.title,
      assessable: false,
    });
    if ((group.parts ?? []).length > 0) unmapped.add('group parts');
    (group.groups ?? []).forEach((child, i) => addGroup(child, nodeUrn, i));
    for (const control of group.controls ?? []) addControl(control, nodeUrn);
  };
  (catalog.groups ?? []).forEach((group, i) => addGroup(group, undefined, i));
  for (const control of catalog.controls ?? []) addControl(control, undefined);
  if (catalog['back-matter'] !== undefined) unmapped.add('back-matter resources');
  const version = /^(\d+)\.(\d+)\.(\d+)/.exec(scalar(catalog.metadata.version) ?? '');
  const published = (
    scalar(catalog.metadata.published) ??
    scalar(catalog.metadata['last-modified']) ??
    ''
  ).slice(0, 10);
  return {
    library: {
      urn,
      id,
      name: title,
      version: version === null ? '1.0.0' : `${version[1]}.${version[2]}.${version[3]}`,
      publicationDate: /^\d{4}-\d{2}-\d{2}$/.test(published)
        ? published
        : new Date().toISOString().slice(0, 10),
      description: `Converted from the OSCAL catalog "${title}" (version ${scalar(catalog.metadata.version) ?? 'unknown'}).`,
      regulation: { shortName, title },
      languages: ['en'],
      imported: { format: 'oscal-catalog', source: title },
      acts: [],
    },
    nodes,
    mappings: [],
    report: {
      format: 'oscal-catalog',
      nodes: nodes.length,
      assessable: nodes.filter((n) => n.assessable).length,
      mappings: 0,
      unmapped: unmapped.lines(),
    },
  };
}
