import { formatRule, type Catalogue, type CatalogueNode, type Lang, type Library } from '@mica-audit/core';
import { uuidV5 } from './uuid.ts';

/** Our namespace for OSCAL props and parts that OSCAL itself does not define. */
export const MICA_AUDIT_NS = 'https://mica-audit.eu/ns/oscal';
export const OSCAL_VERSION = '1.1.3';

type Json = Record<string, unknown>;

interface Tree {
  readonly children: ReadonlyMap<string, readonly CatalogueNode[]>;
  readonly roots: readonly CatalogueNode[];
}

function tree(library: Library): Tree {
  const children = new Map<string, CatalogueNode[]>();
  const roots: CatalogueNode[] = [];
  for (const node of library.nodes) {
    if (node.parent === undefined) roots.push(node);
    else children.set(node.parent, [...(children.get(node.parent) ?? []), node]);
  }
  return { children, roots };
}

/** OSCAL ids are tokens: our urn suffix with ":" turned into ".". */
function oscalId(library: Library, node: CatalogueNode): string {
  const id = node.urn.slice(library.urn.length + 1).replaceAll(':', '.');
  return /^[A-Za-z_]/.test(id) ? id : `n-${id}`;
}

/** Titles, chapters and annexes that hold articles become OSCAL groups; articles and requirements become controls. */
function isGroup(node: CatalogueNode, t: Tree): boolean {
  if (node.assessable) return false;
  return (t.children.get(node.urn) ?? []).some((child) => !child.assessable);
}

function props(node: CatalogueNode, lang: Lang, domainNames: ReadonlyMap<string, string>): Json[] {
  const list: Json[] = [{ name: 'label', value: node.ref }];
  const ns = MICA_AUDIT_NS;
  if (node.source !== undefined) {
    for (const key of ['regulation', 'article', 'paragraph', 'point', 'subparagraph'] as const) {
      const value = node.source[key];
      if (value !== undefined) list.push({ name: `source-${key}`, ns, value });
    }
  }
  if (node.rule !== undefined) list.push({ name: 'applicability', ns, value: formatRule(node.rule) });
  for (const exemption of node.exemptions)
    list.push({ name: 'exemption', ns, value: exemption.when, remarks: exemption.reason[lang] });
  for (const domain of node.domains)
    list.push({ name: 'domain', ns, value: domain, remarks: domainNames.get(domain) ?? domain });
  list.push({ name: 'urn', ns, value: node.urn });
  return list;
}

function parts(id: string, node: CatalogueNode, lang: Lang): Json[] {
  const list: Json[] = [];
  if (node.statement !== undefined)
    list.push({ id: `${id}_smt`, name: 'statement', prose: node.statement[lang] });
  if (node.questions.length > 0) {
    list.push({
      id: `${id}_obj`,
      name: 'assessment-objective',
      prose: node.questions.map((q) => q[lang]).join('\n'),
    });
  }
  if (node.evidence.length > 0) {
    list.push({
      id: `${id}_evd`,
      name: 'assessment-method',
      props: [{ name: 'method', value: 'EXAMINE' }],
      parts: [{ name: 'assessment-objects', prose: node.evidence.map((e) => `- ${e[lang]}`).join('\n') }],
    });
  }
  return list;
}

/** Renders one library as an OSCAL 1.1 catalog (JSON object). Deterministic for a given library version. */
export function libraryToOscalCatalog(library: Library, catalogue: Catalogue, lang: Lang = 'en'): Json {
  const t = tree(library);
  const domainNames = new Map(catalogue.domains.map((d) => [d.id, d.name[lang]]));
  const actUuid = new Map(library.acts.map((act) => [act.id, uuidV5(`${library.urn}#act:${act.id}`)]));
  const control = (node: CatalogueNode): Json => {
    const id = oscalId(library, node);
    const nested = (t.children.get(node.urn) ?? []).map(control);
    const links = node.level2
      .filter((ref) => actUuid.has(ref.act))
      .map((ref) => ({
        href: `#${actUuid.get(ref.act) ?? ''}`,
        rel: 'reference',
        text:
          [ref.article === undefined ? undefined : `Art. ${ref.article}`, ref.note]
            .filter(Boolean)
            .join(' — ') || ref.act,
      }));
    const own = parts(id, node, lang);
    return {
      id,
      class: node.assessable ? 'requirement' : 'article',
      title: node.title[lang],
      props: props(node, lang, domainNames),
      ...(links.length > 0 ? { links } : {}),
      ...(own.length > 0 ? { parts: own } : {}),
      ...(nested.length > 0 ? { controls: nested } : {}),
    };
  };
  const group = (node: CatalogueNode): Json => {
    const kids = t.children.get(node.urn) ?? [];
    const groups = kids.filter((k) => isGroup(k, t)).map(group);
    const controls = kids.filter((k) => !isGroup(k, t)).map(control);
    return {
      id: oscalId(library, node),
      class: 'division',
      title: `${node.ref} — ${node.title[lang]}`,
      props: [
        { name: 'label', value: node.ref },
        { name: 'urn', ns: MICA_AUDIT_NS, value: node.urn },
      ],
      ...(groups.length > 0 ? { groups } : {}),
      ...(controls.length > 0 ? { controls } : {}),
    };
  };
  const groups = t.roots.filter((n) => isGroup(n, t)).map(group);
  const controls = t.roots.filter((n) => !isGroup(n, t)).map(control);
  const stamp = `${library.publicationDate}T00:00:00Z`;
  const resources = library.acts.map((act) => ({
    uuid: actUuid.get(act.id) ?? '',
    title: act.title,
    props: [
      { name: 'act-kind', ns: MICA_AUDIT_NS, value: act.kind },
      ...(act.celex === undefined ? [] : [{ name: 'celex', ns: MICA_AUDIT_NS, value: act.celex }]),
    ],
    citation: { text: act.reference === undefined ? act.title : `${act.title} (${act.reference})` },
    ...(act.celex === undefined
      ? {}
      : { rlinks: [{ href: `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${act.celex}` }] }),
  }));
  return {
    catalog: {
      uuid: uuidV5(`${library.urn}@${library.version}#${lang}`),
      metadata: {
        title: library.name[lang],
        published: stamp,
        'last-modified': stamp,
        version: library.version,
        'oscal-version': OSCAL_VERSION,
        props: [
          { name: 'regulation', ns: MICA_AUDIT_NS, value: library.regulation.shortName },
          ...(library.regulation.celex === undefined
            ? []
            : [{ name: 'celex', ns: MICA_AUDIT_NS, value: library.regulation.celex }]),
          { name: 'library-urn', ns: MICA_AUDIT_NS, value: library.urn },
        ],
        ...(library.regulation.eli === undefined
          ? {}
          : { links: [{ href: library.regulation.eli, rel: 'source', text: library.regulation.title }] }),
        remarks: library.description[lang],
      },
      ...(groups.length > 0 ? { groups } : {}),
      ...(controls.length > 0 ? { controls } : {}),
      ...(resources.length > 0 ? { 'back-matter': { resources } } : {}),
    },
  };
}
