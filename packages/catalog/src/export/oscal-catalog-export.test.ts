import { describe, expect, it } from 'vitest';
import { convertOscalCatalog } from '../convert/oscal-catalog.ts';
import { loadValidCatalogue } from '../load-catalogue.ts';
import { libraryToOscalCatalog } from './oscal-catalog-export.ts';
import { uuidV5 } from './uuid.ts';

// OSCAL 1.1 token and UUID patterns (the JSON schema's "token" and "uuid" datatypes).
const TOKEN = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;
const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

interface Control {
  id: string;
  title: string;
  class?: string;
  parts?: { id?: string; name: string; prose?: string }[];
  props?: { name: string; value: string; ns?: string }[];
  controls?: Control[];
  links?: { href: string }[];
}
interface Group {
  id: string;
  title: string;
  groups?: Group[];
  controls?: Control[];
}
interface OscalCatalog {
  catalog: {
    uuid: string;
    metadata: Record<string, string>;
    groups?: Group[];
    controls?: Control[];
    'back-matter'?: { resources: { uuid: string }[] };
  };
}

function walk(
  groups: Group[] = [],
  controls: Control[] = [],
  visit: (c: Control) => void,
  ids: string[],
): void {
  for (const group of groups) {
    ids.push(group.id);
    walk(group.groups, group.controls, visit, ids);
  }
  for (const control of controls) {
    ids.push(control.id);
    visit(control);
    walk([], control.controls, visit, ids);
  }
}

const catalogue = await loadValidCatalogue();

describe.each(catalogue.libraries.map((l) => [l.id, l] as const))(
  'OSCAL catalog export of %s',
  (_id, library) => {
    const doc = libraryToOscalCatalog(library, catalogue) as unknown as OscalCatalog;

    it('has the required metadata, a v5 UUID and is the same on every export', () => {
      expect(doc.catalog.uuid).toMatch(UUID);
      expect(doc.catalog.metadata).toMatchObject({
        title: library.name.en,
        version: library.version,
        'oscal-version': '1.1.3',
      });
      expect(doc.catalog.metadata['last-modified']).toMatch(DATETIME);
      expect(JSON.stringify(libraryToOscalCatalog(library, catalogue))).toBe(JSON.stringify(doc));
    });

    it('gives every group, control and part a unique OSCAL token id, and every assessable requirement a statement', () => {
      const ids: string[] = [];
      const statements = new Map<string, string>();
      walk(
        doc.catalog.groups,
        doc.catalog.controls,
        (control) => {
          for (const part of control.parts ?? []) if (part.id !== undefined) ids.push(part.id);
          const urn = control.props?.find((p) => p.name === 'urn')?.value;
          const statement = control.parts?.find((p) => p.name === 'statement')?.prose;
          if (urn !== undefined && statement !== undefined) statements.set(urn, statement);
        },
        ids,
      );
      for (const id of ids) expect(id).toMatch(TOKEN);
      expect(new Set(ids).size).toBe(ids.length);
      const assessable = library.nodes.filter((n) => n.assessable);
      expect(statements.size).toBe(assessable.length);
      for (const node of assessable) expect(statements.get(node.urn)).toBe(node.statement?.en);
    });

    it('links Level 2 references to back-matter resources that exist', () => {
      const resources = new Set((doc.catalog['back-matter']?.resources ?? []).map((r) => r.uuid));
      walk(
        doc.catalog.groups,
        doc.catalog.controls,
        (control) => {
          for (const link of control.links ?? []) expect(resources.has(link.href.slice(1))).toBe(true);
        },
        [],
      );
    });

    it('reads back through the OSCAL importer with the same requirements', () => {
      const back = convertOscalCatalog(doc, { id: `roundtrip-${library.id}` });
      expect(back.nodes.filter((n) => n.assessable)).toHaveLength(
        library.nodes.filter((n) => n.assessable).length,
      );
    });
  },
);

describe('uuidV5', () => {
  it('matches the RFC 4122 test vector for the DNS namespace', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});
