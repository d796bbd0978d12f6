/** OSCAL 1.1 assessment results: one result for the audit round, with observations, risks and findings. */
import { deliverableName } from '../manifest/deliverable-name.ts';
import type { ReportModel } from '../model/build-model.ts';
import { reqRef } from '../view/format.ts';
import {
  assessmentObservation,
  backMatter,
  controlId,
  findingObservation,
  instant,
  metadata,
  parties,
  prop,
  riskStatus,
  uuidFor,
  type Json,
} from './common.ts';

/** Builds the `assessment-results` document of the engagement (deterministic UUIDs). */
export function assessmentResults(model: ReportModel): Json {
  const e = model.snapshot.engagement;
  const applicable = model.requirements.filter((r) => r.req.applicable);
  const observations: Json[] = [];
  const observationOf = new Map<string, string>();
  for (const r of applicable) {
    const o = assessmentObservation(model, r);
    if (o === null) continue;
    observations.push(o);
    observationOf.set(r.req.urn, String(o.uuid));
  }
  for (const f of model.snapshot.findings) observations.push(findingObservation(model, f));
  const risks = model.register.risks.map((r) => ({
    uuid: uuidFor(model, `risk:${r.risk.id}`),
    title: `${r.risk.id}: ${r.risk.title}`,
    description: r.risk.title,
    statement: r.risk.threat,
    props: [
      prop('risk-id', r.risk.id),
      prop('inherent-score', r.inherent.score),
      prop('residual-score', r.residual.score),
      prop('treatment', r.risk.treatment),
      prop('owner', r.risk.owner),
    ],
    status: riskStatus(r.aboveAppetite, r.risk.treatment),
    characterizations: [
      {
        origin: { actors: [{ type: 'party', 'actor-uuid': parties(model).firm }] },
        facets: [
          {
            name: 'likelihood',
            system: 'https://github.com/mica-audit/mica-audit/ns/risk-matrix',
            value: r.residual.likelihoodLabel,
          },
          {
            name: 'impact',
            system: 'https://github.com/mica-audit/mica-audit/ns/risk-matrix',
            value: r.residual.impactLabel,
          },
          {
            name: 'risk',
            system: 'https://github.com/mica-audit/mica-audit/ns/risk-matrix',
            value: r.residual.level,
          },
        ],
      },
    ],
    'related-observations': r.risk.vulnerabilities
      .flatMap((v) => v.findingIds)
      .filter((id) => model.snapshot.findings.some((f) => f.id === id))
      .map((id) => ({ 'observation-uuid': uuidFor(model, `observation:finding:${id}`) })),
  }));
  const findings = applicable.flatMap((r) => {
    const status = r.assessment?.status;
    if (status !== 'compliant' && status !== 'partially-compliant' && status !== 'non-compliant') return [];
    const observation = observationOf.get(r.req.urn);
    return [
      {
        uuid: uuidFor(model, `finding:${r.req.urn}`),
        title: `${reqRef(r.req)}: ${r.req.title.en}`,
        description: `Assessed ${status}${r.assessment?.maturity === undefined ? '' : `, maturity ${r.assessment.maturity}/5`}.`,
        props: [
          prop('requirement-urn', r.req.urn),
          prop('library', r.req.library),
          prop('assessment-status', status),
        ],
        target: {
          type: 'objective-id',
          'target-id': `${controlId(model, r)}_obj`,
          status: {
            state: status === 'compliant' ? 'satisfied' : 'not-satisfied',
            reason: status === 'partially-compliant' ? 'other' : status === 'compliant' ? 'pass' : 'fail',
            ...(status === 'partially-compliant' ? { remarks: 'Partially compliant.' } : {}),
          },
        },
        ...(observation === undefined
          ? {}
          : { 'related-observations': [{ 'observation-uuid': observation }] }),
      },
    ];
  });
  const plan = uuidFor(model, 'resource:assessment-plan');
  return {
    'assessment-results': {
      uuid: uuidFor(model, 'assessment-results'),
      metadata: metadata(model, `Assessment results — ${e.title} — ${e.clientName}`),
      'import-ap': { href: `#${plan}` },
      results: [
        {
          uuid: uuidFor(model, 'result:1'),
          title: e.title,
          description: `Compliance assessment of ${e.clientName} against ${model.snapshot.catalogue.map((c) => `${c.id} ${c.version}`).join(', ')}: ${model.scores.overall.assessed} of ${model.scores.overall.applicable} applicable requirements assessed, overall score ${model.scores.overall.score ?? 'n/a'}.`,
          start: instant(e.startDate),
          end: instant(e.endDate),
          props: [
            prop('overall-score', model.scores.overall.score ?? 'n/a'),
            prop('coverage', model.scores.overall.coverage ?? 'n/a'),
            prop('verdict', model.verdict.key),
          ],
          'reviewed-controls': {
            'control-selections': [
              { 'include-controls': applicable.map((r) => ({ 'control-id': controlId(model, r) })) },
            ],
          },
          ...(observations.length === 0 ? {} : { observations }),
          ...(risks.length === 0 ? {} : { risks }),
          ...(findings.length === 0 ? {} : { findings }),
        },
      ],
      'back-matter': backMatter(model, [
        {
          uuid: plan,
          title: `Assessment plan and scope of engagement ${e.id}`,
          description: 'The engagement snapshot the plan was taken from (mica-audit JSON export).',
          // The JSON export issued beside this document, by its file name in the same folder.
          rlinks: [
            {
              href: deliverableName(model.snapshot, 'json', e.language),
              'media-type': 'application/json',
            },
          ],
        },
      ]),
    },
  };
}
