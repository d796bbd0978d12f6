/**
 * Grows a snapshot to benchmark sizes: more applicable requirements (by widening the services), findings, risks and
 * actions, all derived deterministically from the originals.
 */
import {
  scope,
  type AssessmentStatus,
  type Catalogue,
  type IssuanceRole,
  type ServiceKey,
} from '@mica-audit/core';
import { parseSnapshot, type EngagementSnapshot } from '../snapshot.schema.ts';
import { GENERIC } from './demo-observations.ts';
import { rng } from './rng.ts';

export interface ScaleOptions {
  /** Applicable requirements to reach by adding services to the profile; needs `catalogue`. */
  readonly requirements?: number;
  readonly findings?: number;
  readonly risks?: number;
  readonly actions?: number;
  readonly catalogue?: Catalogue;
  readonly seed?: number;
}

const EXTRA_SERVICES: readonly ServiceKey[] = [
  'exchange-crypto',
  'execution',
  'reception-transmission',
  'advice',
  'portfolio-management',
  'placing',
  'trading-platform',
];
const EXTRA_ROLES: readonly IssuanceRole[] = ['admission-to-trading', 'other-crypto-offer', 'art'];
const STATUSES: readonly AssessmentStatus[] = [
  'compliant',
  'compliant',
  'partially-compliant',
  'non-compliant',
  'not-assessed',
];

function cycle<T>(
  items: readonly T[],
  count: number,
  make: (item: T, index: number, round: number) => T,
): T[] {
  if (items.length === 0) return [];
  return Array.from({ length: count }, (_, i) =>
    make(items[i % items.length]!, i, Math.floor(i / items.length)),
  );
}

function widen(
  snapshot: EngagementSnapshot,
  target: number,
  catalogue: Catalogue,
): Pick<EngagementSnapshot, 'profile' | 'assessments'> {
  let profile = snapshot.profile;
  let applicable = scope(profile, catalogue).requirements.filter((r) => r.applicable);
  for (const service of EXTRA_SERVICES) {
    if (applicable.length >= target) break;
    if (profile.services.includes(service)) continue;
    profile = { ...profile, services: [...profile.services, service] };
    applicable = scope(profile, catalogue).requirements.filter((r) => r.applicable);
  }
  for (const role of EXTRA_ROLES) {
    if (applicable.length >= target) break;
    if (profile.issuance.includes(role)) continue;
    profile = { ...profile, issuance: [...profile.issuance, role] };
    applicable = scope(profile, catalogue).requirements.filter((r) => r.applicable);
  }
  const random = rng(7);
  const known = new Set(snapshot.assessments.map((a) => a.urn));
  const added = applicable
    .filter((r) => !known.has(r.urn))
    .map((r, i) => {
      const status = STATUSES[Math.floor(random() * STATUSES.length)] ?? 'compliant';
      const pool =
        status === 'compliant' || status === 'partially-compliant' || status === 'non-compliant'
          ? GENERIC[status]
          : [];
      const text = pool[i % Math.max(1, pool.length)];
      return {
        urn: r.urn,
        status,
        ...(status === 'not-assessed' ? {} : { maturity: status === 'compliant' ? 4 : 2 }),
        ...(text === undefined ? {} : { observation: text }),
        interviewNotes: [],
        evidenceIds: [],
      };
    });
  return { profile, assessments: [...snapshot.assessments, ...added] };
}

/** A bigger copy of `snapshot`; sizes not given stay as they are. */
export function scaleSnapshot(snapshot: EngagementSnapshot, options: ScaleOptions): EngagementSnapshot {
  const random = rng(options.seed ?? 42);
  const widened =
    options.requirements !== undefined && options.catalogue !== undefined
      ? widen(snapshot, options.requirements, options.catalogue)
      : snapshot;
  const findings =
    options.findings === undefined
      ? snapshot.findings
      : cycle(snapshot.findings, options.findings, (f, i, round) => ({
          ...f,
          // The originals keep their ids, so the actions and risks that cite them still find them.
          id: round === 0 ? f.id : `${f.id}.${round}`,
          asset: round === 0 ? f.asset : `${f.asset}#${round}`,
          status: round === 0 ? f.status : random() < 0.8 ? 'open' : 'fixed',
        }));
  const register = snapshot.risks.register;
  const risks =
    options.risks === undefined
      ? register.risks
      : cycle(register.risks, options.risks, (r, i, round) => ({
          ...r,
          id: round === 0 ? r.id : `${r.id}.${round}`,
          title: round === 0 ? r.title : `${r.title} (${round + 1})`,
          vulnerabilities: r.vulnerabilities.map((v) => ({
            ...v,
            id: `${v.id}-${i}`,
            findingIds: round === 0 ? v.findingIds : [],
          })),
        }));
  const items =
    options.actions === undefined
      ? snapshot.actions.items
      : cycle(snapshot.actions.items, options.actions, (item, i, round) => ({
          ...item,
          id: round === 0 ? item.id : `${item.id}#${round}`,
          remedyKeys: item.remedyKeys.map((k) => (round === 0 ? k : `${k}#${round}`)),
          dependencies: round === 0 ? item.dependencies : [],
          title: round === 0 ? item.title : `${item.title} (${round + 1})`,
          priority: Math.max(0, item.priority - (i % 7)),
        }));
  return parseSnapshot({
    ...snapshot,
    ...widened,
    findings,
    risks: { ...snapshot.risks, register: { ...register, risks } },
    actions: { ...snapshot.actions, items },
  });
}
