/**
 * Shared pieces of the OSCAL 1.1 exports: name-based v5 UUIDs from the engagement id, metadata, control ids that
 * match `mica-audit catalog export --format oscal`, observations and the evidence back-matter.
 */
import { uuidV5 } from '@mica-audit/catalog';
import type { ReportModel, RequirementView } from '../model/build-model.ts';
import type { FindingRecord } from '../snapshot.schema.ts';
import { locationText } from '../view/compliance-view.ts';
import { pick } from '../view/format.ts';

export const OSCAL_VERSION = '1.1.3';
/** Namespace of mica-audit's own OSCAL properties. */
export const NS = 'https://github.com/mica-audit/mica-audit/ns/oscal';

export type Json = Record<string, unknown>;

/** A v5 UUID, stable for a given engagement and item. */
export function uuidFor(model: ReportModel, item: string): string {
  return uuidV5(`urn:mica-audit:engagement:${model.snapshot.engagement.id}#${item}`);
}

export function instant(isoDate: string): string {
  return isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate;
}

export function prop(name: string, value: string | number): Json {
  return { name, ns: NS, value: String(value) };
}

/** The control id of a requirement, as the catalogue's OSCAL export writes it (`art-70.3` in the `mica` catalog). */
export function controlId(model: ReportModel, r: RequirementView): string {
  const library = model.catalogue.libraries.find((l) => l.id === r.req.library);
  const id = library === undefined ? r.req.urn : r.req.urn.slice(library.urn.length + 1).replaceAll(':', '.');
  return /^[A-Za-z_]/.test(id) ? id : `n-${id}`;
}

export function parties(model: ReportModel): { firm: string; lead: string; client: string } {
  return {
    firm: uuidFor(model, 'party:firm'),
    lead: uuidFor(model, 'party:lead'),
    client: uuidFor(model, 'party:client'),
  };
}

export function metadata(model: ReportModel, title: string): Json {
  const e = model.snapshot.engagement;
  const p = parties(model);
  return {
    title,
    published: instant(e.reportDate),
    'last-modified': instant(e.reportDate),
    version: e.reportVersion,
    'oscal-version': OSCAL_VERSION,
    props: [
      prop('engagement-id', e.id),
      prop('confidentiality', e.confidentiality),
      prop('audit-log-head', e.auditLogHead),
    ],
    roles: [
      { id: 'assessor', title: 'Assessor' },
      { id: 'lead-assessor', title: 'Lead assessor' },
      { id: 'assessed-organization', title: 'Assessed organization' },
    ],
    parties: [
      { uuid: p.firm, type: 'organization', name: e.auditFirm },
      { uuid: p.lead, type: 'person', name: e.leadAuditor, 'member-of-organizations': [p.firm] },
      { uuid: p.client, type: 'organization', name: e.clientName },
    ],
    'responsible-parties': [
      { 'role-id': 'assessor', 'party-uuids': [p.firm] },
      { 'role-id': 'lead-assessor', 'party-uuids': [p.lead] },
      { 'role-id': 'assessed-organization', 'party-uuids': [p.client] },
    ],
  };
}

/** One back-matter resource per evidence file, with its SHA-256, so observations can cite evidence by `#uuid`. */
export function backMatter(model: ReportModel, extra: readonly Json[] = []): Json {
  return {
    resources: [
      ...extra,
      ...model.snapshot.evidence.map((e) => ({
        uuid: uuidFor(model, `evidence:${e.id}`),
        title: e.fileName,
        ...(e.title === undefined ? {} : { description: pick(e.title, 'en') }),
        props: [
          prop('evidence-id', e.id),
          prop('effective-date', e.effectiveDate),
          ...(e.expiryDate === undefined ? [] : [prop('expiry-date', e.expiryDate)]),
        ],
        rlinks: [
          {
            href: e.fileName,
            'media-type': e.mediaType,
            hashes: [{ algorithm: 'SHA-256', value: e.sha256 }],
          },
        ],
      })),
    ],
  };
}

/** The observation behind an assessment: what the auditor examined and heard, with the evidence cited. */
export function assessmentObservation(model: ReportModel, r: RequirementView): Json | null {
  const a = r.assessment;
  if (
    a === undefined ||
    (a.observation === undefined && a.evidenceIds.length === 0 && a.interviewNotes.length === 0)
  )
    return null;
  const methods = [
    ...(a.evidenceIds.length > 0 || a.observation !== undefined ? ['EXAMINE'] : []),
    ...(a.interviewNotes.length > 0 ? ['INTERVIEW'] : []),
  ];
  return {
    uuid: uuidFor(model, `observation:${r.req.urn}`),
    title: `${r.req.ref} ${r.req.title.en}`,
    description: pick(a.observation, 'en') || r.req.title.en,
    props: [prop('requirement-urn', r.req.urn)],
    methods,
    types: ['control-objective'],
    subjects: [{ 'subject-uuid': parties(model).client, type: 'party' }],
    ...(a.evidenceIds.length === 0
      ? {}
      : {
          'relevant-evidence': a.evidenceIds.map((id) => ({
            href: `#${uuidFor(model, `evidence:${id}`)}`,
            description: `Evidence ${id}`,
          })),
        }),
    collected: instant(a.assessedAt ?? model.snapshot.engagement.endDate),
    ...(a.interviewNotes.length === 0
      ? {}
      : {
          remarks: a.interviewNotes
            .map((n) => `${n.date} ${n.interviewee}: ${pick(n.note, 'en')}`)
            .join('\n\n'),
        }),
  };
}

/** The observation of a technical finding (a test result). */
export function findingObservation(model: ReportModel, f: FindingRecord): Json {
  return {
    uuid: uuidFor(model, `observation:finding:${f.id}`),
    title: f.title,
    description: f.description === '' ? f.title : f.description,
    props: [
      prop('finding-id', f.id),
      prop('tool', f.tool),
      prop('rule-id', f.ruleId),
      prop('severity', f.severity),
      prop('audit-type', f.auditType),
      prop('asset', f.asset),
      prop('location', locationText(f.location)),
      ...(f.cvss === undefined ? [] : [prop('cvss-score', f.cvss.score)]),
    ],
    methods: ['TEST'],
    types: ['finding'],
    subjects: [{ 'subject-uuid': parties(model).client, type: 'party' }],
    collected: instant(f.firstSeen),
    ...(f.remediation === undefined ? {} : { remarks: pick(f.remediation, 'en') }),
  };
}

/** OSCAL risk status of a register risk: closed when the residual rating is within appetite. */
export function riskStatus(aboveAppetite: boolean, treatment: string): string {
  if (treatment === 'accept') return 'deviation-approved';
  return aboveAppetite ? 'open' : 'closed';
}
