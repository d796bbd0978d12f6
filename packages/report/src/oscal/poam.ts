/** OSCAL 1.1 plan of action and milestones: one POA&M item per action of the plan, with its risks and milestones. */
import type { ReportModel } from '../model/build-model.ts';
import { actionTitle } from '../view/plan-view.ts';
import {
  assessmentObservation,
  backMatter,
  findingObservation,
  instant,
  metadata,
  parties,
  prop,
  uuidFor,
  type Json,
} from './common.ts';

const LIFECYCLE: Readonly<Record<string, string>> = {
  open: 'planned',
  'in-progress': 'planned',
  blocked: 'planned',
  done: 'completed',
  'source-resolved': 'completed',
};

/** Builds the `plan-of-action-and-milestones` document from the action plan (deterministic UUIDs). */
export function planOfActionAndMilestones(model: ReportModel): Json {
  const e = model.snapshot.engagement;
  const observations = new Map<string, Json>();
  const risks: Json[] = [];
  const items = model.plan.items.map((item) => {
    const related: string[] = [];
    for (const source of item.sources) {
      if (source.kind === 'gap') {
        const r = model.byUrn.get(source.id);
        const o = r === undefined ? null : assessmentObservation(model, r);
        if (o !== null) {
          observations.set(String(o.uuid), o);
          related.push(String(o.uuid));
        }
      } else if (source.kind === 'finding') {
        const f = model.snapshot.findings.find((x) => x.id === source.id);
        if (f !== undefined) {
          const o = findingObservation(model, f);
          observations.set(String(o.uuid), o);
          related.push(String(o.uuid));
        }
      }
    }
    const riskUuid = uuidFor(model, `poam-risk:${item.id}`);
    risks.push({
      uuid: riskUuid,
      title: actionTitle(model, item, 'en'),
      description: item.sources.map((s) => `${s.kind} ${s.id}`).join('; '),
      statement: `Priority ${item.priority}/100 (regulatory criticality × risk × severity), impact ${item.impact}.`,
      status: item.status === 'done' || item.status === 'source-resolved' ? 'closed' : 'remediating',
      deadline: instant(item.dueDate.toISOString()),
      remediations: [
        {
          uuid: uuidFor(model, `remediation:${item.id}`),
          lifecycle: LIFECYCLE[item.status] ?? 'planned',
          title: actionTitle(model, item, 'en'),
          description: `${item.kind} with effort ${item.effort}.`,
          props: [prop('kind', item.kind), prop('effort', item.effort)],
          tasks: [
            {
              uuid: uuidFor(model, `milestone:${item.id}`),
              type: 'milestone',
              title: `Due: ${actionTitle(model, item, 'en')}`,
              description: `Complete by ${item.dueDate.toISOString().slice(0, 10)}.`,
              timing: {
                'within-date-range': {
                  start: instant(item.createdAt.toISOString()),
                  end: instant(item.dueDate.toISOString()),
                },
              },
            },
          ],
        },
      ],
      ...(related.length === 0
        ? {}
        : { 'related-observations': related.map((u) => ({ 'observation-uuid': u })) }),
    });
    return {
      uuid: uuidFor(model, `poam-item:${item.id}`),
      title: actionTitle(model, item, 'en'),
      description: `Action ${item.id}: ${item.sources.length} source(s), priority ${item.priority}, due ${item.dueDate.toISOString().slice(0, 10)}.`,
      props: [
        prop('action-id', item.id),
        prop('priority', item.priority),
        prop('kind', item.kind),
        prop('status', item.status),
        ...(item.owner === null ? [] : [prop('owner', item.owner)]),
      ],
      ...(related.length === 0
        ? {}
        : { 'related-observations': related.map((u) => ({ 'observation-uuid': u })) }),
      'related-risks': [{ 'risk-uuid': riskUuid }],
    };
  });
  return {
    'plan-of-action-and-milestones': {
      uuid: uuidFor(model, 'poam'),
      metadata: metadata(model, `Plan of action and milestones — ${e.title} — ${e.clientName}`),
      'system-id': { 'identifier-type': 'http://ietf.org/rfc/rfc4122', id: parties(model).client },
      ...(observations.size === 0 ? {} : { observations: [...observations.values()] }),
      ...(risks.length === 0 ? {} : { risks }),
      'poam-items': items,
      'back-matter': backMatter(model),
    },
  };
}
