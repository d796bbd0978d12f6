import { describe, expect, it } from 'vitest';
import type { Assessment, Evidence, ScopedRequirement } from '../api/types.ts';
import {
  assigneeChoices,
  assignmentChanges,
  buildItems,
  buildRows,
  itemsOfGroup,
  moveIndex,
  NO_FILTERS,
} from './tree.ts';

function req(
  urn: string,
  regulation: string,
  article: string,
  domains: string[],
  mapped = 0,
): ScopedRequirement {
  return {
    urn,
    regulation,
    article,
    paragraph: null,
    point: null,
    ref: `Art. ${article}`,
    title: `Requirement ${urn}`,
    domains,
    applicable: true,
    reasons: ['because'],
    mapped: Array.from({ length: mapped }, (_, i) => ({ urn: `urn:x:${i}`, relation: 'equal' })),
  };
}

function assessment(
  urn: string,
  status: Assessment['status'] = 'not-assessed',
  assigneeId: string | null = null,
): Assessment {
  return {
    id: `id-${urn}`,
    engagementId: 'e',
    requirementUrn: urn,
    status,
    maturity: null,
    observation: '',
    interviewNotes: 'spoke to the CISO',
    assessorId: null,
    assigneeId,
    version: 1,
    updatedAt: '2026-11-22T10:00:00.000Z',
  };
}

const requirements = [
  req('urn:d:5:1', 'DORA', '5', ['ict-risk']),
  req('urn:m:75:1', 'MiCA', '75', ['custody']),
  req('urn:m:75:2', 'MiCA', '75', ['custody', 'governance'], 1),
  req('urn:m:68:1', 'MiCA', '68', ['governance']),
  { ...req('urn:m:4:1', 'MiCA', '4', ['disclosure']), applicable: false },
];
const assessments = [
  assessment('urn:m:75:1', 'compliant', 'u-ana'),
  assessment('urn:m:75:2', 'not-assessed', 'u-gone'),
  assessment('urn:m:68:1', 'non-compliant', 'u-ana'),
  assessment('urn:d:5:1'),
];
const evidence = [{ id: 'ev', requirementUrns: ['urn:m:75:2', 'urn:d:5:1'] } as unknown as Evidence];

describe('workspace tree', () => {
  const items = buildItems(requirements, assessments, evidence);

  it('keeps only assessed (applicable) requirements and counts their evidence', () => {
    expect(items.map((i) => [i.requirement.urn, i.evidence])).toEqual([
      ['urn:d:5:1', 1],
      ['urn:m:75:1', 0],
      ['urn:m:75:2', 1],
      ['urn:m:68:1', 0],
    ]);
  });

  it('nests regulation, title, article and requirement, MiCA first, then catalogue order', () => {
    const rows = buildRows(items, NO_FILTERS, 'structure', new Set());
    expect(rows.map((r) => r.key)).toEqual([
      'r:MiCA',
      't:MiCA:V',
      'a:MiCA:75',
      'i:urn:m:75:1',
      'i:urn:m:75:2',
      'a:MiCA:68',
      'i:urn:m:68:1',
      'r:DORA',
      't:DORA:II',
      'a:DORA:5',
      'i:urn:d:5:1',
    ]);
  });

  it('hides the descendants of a collapsed group but keeps its count', () => {
    const rows = buildRows(items, NO_FILTERS, 'structure', new Set(['r:MiCA']));
    expect(rows.map((r) => r.key)).toEqual(['r:MiCA', 'r:DORA', 't:DORA:II', 'a:DORA:5', 'i:urn:d:5:1']);
    expect(rows[0]).toMatchObject({ count: 3, expanded: false });
  });

  it('filters by status, domain, regulation, evidence, mapping and text', () => {
    const keys = (f: Partial<typeof NO_FILTERS>) =>
      buildRows(items, { ...NO_FILTERS, ...f }, 'structure', new Set())
        .filter((r) => r.kind === 'item')
        .map((r) => r.key);
    expect(keys({ statuses: ['non-compliant', 'compliant'] })).toEqual(['i:urn:m:75:1', 'i:urn:m:68:1']);
    expect(keys({ domain: 'governance' })).toEqual(['i:urn:m:75:2', 'i:urn:m:68:1']);
    expect(keys({ regulation: 'DORA' })).toEqual(['i:urn:d:5:1']);
    expect(keys({ evidence: 'with' })).toEqual(['i:urn:m:75:2', 'i:urn:d:5:1']);
    expect(keys({ evidence: 'without' })).toEqual(['i:urn:m:75:1', 'i:urn:m:68:1']);
    expect(keys({ mapped: true })).toEqual(['i:urn:m:75:2']);
    expect(keys({ text: 'CISO' })).toHaveLength(4);
    expect(keys({ text: 'art. 68' })).toEqual(['i:urn:m:68:1']);
  });

  it('filters by assignee: a user, or nobody', () => {
    const keys = (assignee: string) =>
      buildRows(items, { ...NO_FILTERS, assignee }, 'structure', new Set())
        .filter((r) => r.kind === 'item')
        .map((r) => r.key);
    expect(keys('u-ana')).toEqual(['i:urn:m:75:1', 'i:urn:m:68:1']);
    expect(keys('none')).toEqual(['i:urn:d:5:1']);
    expect(keys('u-nobody')).toEqual([]);
    expect(keys('')).toHaveLength(4);
  });

  it('finds the filtered items under a group, folded or not, for bulk assignment', () => {
    const urns = (
      key: string,
      groupBy: 'structure' | 'domain' = 'structure',
      statuses = NO_FILTERS.statuses,
    ) => itemsOfGroup(items, { ...NO_FILTERS, statuses }, groupBy, key).map((i) => i.requirement.urn);
    expect(urns('r:MiCA')).toEqual(['urn:m:75:1', 'urn:m:75:2', 'urn:m:68:1']);
    expect(urns('t:MiCA:V')).toEqual(['urn:m:75:1', 'urn:m:75:2', 'urn:m:68:1']);
    expect(urns('a:MiCA:75')).toEqual(['urn:m:75:1', 'urn:m:75:2']);
    expect(urns('a:MiCA:75', 'structure', ['compliant'])).toEqual(['urn:m:75:1']);
    expect(urns('d:governance', 'domain')).toEqual(['urn:m:75:2', 'urn:m:68:1']);
    expect(urns('r:Unknown')).toEqual([]);
  });

  it('assigns in bulk only what changes, once per assessment', () => {
    const governance = itemsOfGroup(items, NO_FILTERS, 'domain', 'd:governance');
    expect(assignmentChanges(governance, 'u-ana')).toEqual([
      { id: 'id-urn:m:75:2', version: 1, assigneeId: 'u-ana' },
    ]);
    expect(assignmentChanges([...governance, ...governance], null)).toEqual([
      { id: 'id-urn:m:75:2', version: 1, assigneeId: null },
      { id: 'id-urn:m:68:1', version: 1, assigneeId: null },
    ]);
  });

  it('offers the team, then assignees who left it', () => {
    const team = [{ userId: 'u-ana', name: 'Ana' }];
    expect(assigneeChoices(team, items, new Map())).toEqual([
      { userId: 'u-ana', name: 'Ana', inTeam: true },
      { userId: 'u-gone', name: 'u-gone', inTeam: false },
    ]);
    expect(assigneeChoices(team, items, new Map([['u-gone', 'Gaston']]))[1]).toEqual({
      userId: 'u-gone',
      name: 'Gaston',
      inTeam: false,
    });
  });

  it('groups by domain, a requirement appearing once per domain', () => {
    const rows = buildRows(items, NO_FILTERS, 'domain', new Set());
    expect(rows.filter((r) => r.kind === 'group').map((r) => r.key)).toEqual([
      'd:custody',
      'd:governance',
      'd:ict-risk',
    ]);
    expect(rows.filter((r) => r.kind === 'item')).toHaveLength(5);
  });

  it('moves the cursor within bounds', () => {
    expect(moveIndex(-1, 1, 5)).toBe(0);
    expect(moveIndex(-1, -1, 5)).toBe(4);
    expect(moveIndex(4, 1, 5)).toBe(4);
    expect(moveIndex(0, -1, 5)).toBe(0);
    expect(moveIndex(0, 1, 0)).toBe(-1);
  });
});
