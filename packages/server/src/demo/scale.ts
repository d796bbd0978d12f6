import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Catalogue } from '@mica-audit/core';
import { actorOf } from '../auth/users.ts';
import { bulkUpdateAssessments, type AssessmentChange } from '../commands/assessments.ts';
import { inTransaction } from '../commands/context.ts';
import { createEngagement } from '../commands/engagements.ts';
import { recordEvidence, setEvidenceLink } from '../commands/evidence.ts';
import { importFiles } from '../commands/imports.ts';
import type { AssessmentStatus, Database } from '../db/schema.ts';
import type { EvidenceStore } from '../evidence/store.ts';
import { DEMO_PROFILE } from './content.ts';
import { prng, syntheticScans } from './scale-scans.ts';
import { seedDemo, type DemoResult } from './seed.ts';

/**
 * The demo firm grown into a group: every CASP service, a crypto-asset offer of its own, 16 million EU users (a
 * significant CASP), cross-border services and marketing. With the bundled catalogue this makes 474 applicable
 * requirements, against 333 for the demo engagement.
 */
export const SCALED_PROFILE = {
  ...DEMO_PROFILE,
  services: [
    'custody',
    'trading-platform',
    'exchange-funds',
    'exchange-crypto',
    'execution',
    'placing',
    'reception-transmission',
    'advice',
    'portfolio-management',
    'transfer',
  ],
  issuance: ['other-crypto-offer'],
  facts: {
    ...DEMO_PROFILE.facts,
    activeUsersEU: 16_000_000,
    providesServicesCrossBorder: true,
    publishesMarketingCommunications: true,
    usesSubCustodians: true,
  },
};

export const SCALED_ENGAGEMENT_NAME = 'MiCA group audit 2027 (scaled demo)';

export interface ScaleOptions {
  /** Findings imported from synthetic scans (default 5,000). */
  readonly findings?: number | undefined;
  /** Evidence files stored and linked (default 200). */
  readonly evidence?: number | undefined;
  /** Seed of the pseudo-random choices: the same seed gives the same statuses, findings and links. */
  readonly seed?: number | undefined;
}

export interface ScaledDemo extends DemoResult {
  /** The demo engagement (as `mica-audit demo` seeds it); `engagementId` is the scaled one. */
  readonly demoEngagementId: string;
  readonly assessments: number;
}

// Shares of the assessment statuses: an audit about two thirds of the way through its fieldwork.
const STATUS_SHARES: readonly (readonly [AssessmentStatus, number])[] = [
  ['compliant', 0.34],
  ['partially-compliant', 0.2],
  ['non-compliant', 0.11],
  ['not-applicable', 0.05],
  ['not-assessed', 0.3],
];

const OBSERVATIONS: Readonly<Record<AssessmentStatus, readonly string[]>> = {
  compliant: [
    'Policy approved by the board and reviewed within the last twelve months; tested on a sample of {n} cases without exception.',
    'Procedure documented, owner named and evidence of operation retained for the whole period under review ({n} records sampled).',
  ],
  'partially-compliant': [
    'Procedure exists but is not applied consistently: {n} of the sampled cases lacked the required second review.',
    'Control designed appropriately; operating evidence covers only part of the period ({n} weeks missing).',
  ],
  'non-compliant': [
    'No documented procedure; interviews show the requirement is handled ad hoc. {n} cases found without any record.',
    'The control described in the policy is not operated: the last evidence of execution is {n} months old.',
  ],
  'not-applicable': [
    'Out of scope for the group entity under review: the activity is carried out by another licensed entity ({n} contracts reviewed).',
  ],
  'not-assessed': [''],
};

const INTERVIEWS = [
  'Head of compliance walked through the monthly monitoring report.',
  'CISO confirmed the control owner and the review cadence; follow-up evidence requested.',
  'Operations team demonstrated the tooling on a live case.',
  'Board secretary provided the minutes approving the policy.',
];

const EVIDENCE_KINDS = [
  { title: 'Board minutes', fileName: 'board-minutes', ext: 'md', mediaType: 'text/markdown' },
  { title: 'Access review', fileName: 'access-review', ext: 'csv', mediaType: 'text/csv' },
  { title: 'Reconciliation report', fileName: 'reconciliation', ext: 'csv', mediaType: 'text/csv' },
  { title: 'Policy', fileName: 'policy', ext: 'md', mediaType: 'text/markdown' },
  { title: 'Incident register extract', fileName: 'incident-register', ext: 'csv', mediaType: 'text/csv' },
  { title: 'Penetration test summary', fileName: 'pentest-summary', ext: 'txt', mediaType: 'text/plain' },
  {
    title: 'Outsourcing contract review',
    fileName: 'outsourcing-review',
    ext: 'md',
    mediaType: 'text/markdown',
  },
  { title: 'Training attendance', fileName: 'training-attendance', ext: 'csv', mediaType: 'text/csv' },
] as const;

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function statusOf(random: () => number): AssessmentStatus {
  let roll = random();
  for (const [status, share] of STATUS_SHARES) {
    if (roll < share) return status;
    roll -= share;
  }
  return 'not-assessed';
}

/** A change per assessment: statuses mixed, an observation and interview notes for each assessed one. */
function assessmentChanges(
  rows: readonly { id: string; version: number }[],
  random: () => number,
): AssessmentChange[] {
  return rows.flatMap((row) => {
    const status = statusOf(random);
    if (status === 'not-assessed') return [];
    const n = 2 + Math.floor(random() * 25);
    return [
      {
        id: row.id,
        version: row.version,
        status,
        maturity: status === 'not-applicable' ? null : Math.min(5, Math.floor(random() * 6)),
        observation: pick(OBSERVATIONS[status], random).replace('{n}', String(n)),
        interviewNotes: pick(INTERVIEWS, random),
      },
    ];
  });
}

async function importScans(
  db: Kysely<Database>,
  actor: Awaited<ReturnType<typeof actorOf>>,
  target: { organisationId: string; engagementId: string },
  total: number,
  random: () => number,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mica-scale-scans-'));
  try {
    const files = [];
    for (const scan of syntheticScans(total, random)) {
      const path = join(dir, scan.fileName);
      await writeFile(path, scan.content);
      files.push({
        path,
        fileName: scan.fileName,
        sha256: createHash('sha256').update(scan.content).digest('hex'),
        size: Buffer.byteLength(scan.content),
      });
    }
    await importFiles(db, actor, { ...target, files });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Evidence files, each linked to one to three assessed requirements of the engagement. */
async function seedEvidence(
  db: Kysely<Database>,
  store: EvidenceStore,
  catalogue: Catalogue,
  actor: Awaited<ReturnType<typeof actorOf>>,
  target: { organisationId: string; engagementId: string },
  urns: readonly string[],
  count: number,
  random: () => number,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    const kind = pick(EVIDENCE_KINDS, random);
    const month = 1 + (i % 12);
    const effectiveDate = `2026-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const content =
      kind.mediaType === 'text/csv'
        ? `reference,period,owner,result\nGN-${i + 1},2026-${month},team-${i % 9},${random() < 0.9 ? 'ok' : 'exception'}\n`
        : `# ${kind.title} ${i + 1}\n\nGarde Numérique group, period ending ${effectiveDate}. Prepared by team ${i % 9}.\n`;
    const staged = await store.stage(Readable.from([Buffer.from(content)]));
    await inTransaction(db, async (tx) => {
      const evidence = await recordEvidence({
        actor,
        input: {
          ...target,
          title: `${kind.title} ${i + 1} (2026-${String(month).padStart(2, '0')})`,
          fileName: `${kind.fileName}-${i + 1}.${kind.ext}`,
          mediaType: kind.mediaType,
          sha256: staged.sha256,
          size: staged.size,
          effectiveDate,
          // One in four expires before the audit ends, as stale evidence does in a real file.
          expiryDate: i % 4 === 0 ? '2026-12-01' : '2027-12-31',
        },
        tx,
      });
      const links = new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(urns, random)));
      for (const requirementUrn of links)
        await setEvidenceLink({
          actor,
          input: {
            organisationId: target.organisationId,
            evidenceId: evidence.id,
            requirementUrn,
            link: true,
          },
          tx,
          catalogue,
        });
      await staged.commit();
    });
  }
}

/**
 * Seeds the demo (seedDemo), then a second engagement of the same firm scaled for load tests: the group profile
 * (474 applicable requirements), statuses mixed with observations (one all-or-nothing bulk update), findings from
 * synthetic scans of five tools through the importer, and evidence files linked to assessed requirements. Every
 * write goes through the server's commands, with its audit entries. Calling it again returns the existing one.
 */
export async function seedScaledDemo(
  db: Kysely<Database>,
  store: EvidenceStore,
  catalogue: Catalogue,
  options: ScaleOptions = {},
): Promise<ScaledDemo> {
  const demo = await seedDemo(db, store, catalogue);
  const base = await db
    .selectFrom('engagements')
    .select(['entity_id', 'team'])
    .where('organisation_id', '=', demo.organisationId)
    .where('id', '=', demo.engagementId)
    .executeTakeFirstOrThrow();
  const count = async (engagementId: string) =>
    Number(
      (
        await db
          .selectFrom('assessments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('organisation_id', '=', demo.organisationId)
          .where('engagement_id', '=', engagementId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const existing = await db
    .selectFrom('engagements')
    .select('id')
    .where('organisation_id', '=', demo.organisationId)
    .where('name', '=', SCALED_ENGAGEMENT_NAME)
    .executeTakeFirst();
  const summary = { ...demo, demoEngagementId: demo.engagementId };
  if (existing !== undefined)
    return { ...summary, engagementId: existing.id, assessments: await count(existing.id), created: false };
  const leader = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', demo.user.email)
    .executeTakeFirstOrThrow();
  const actor = await actorOf(db, leader.id);
  const random = prng(options.seed ?? 2026);
  const engagement = await inTransaction(db, (tx) =>
    createEngagement({
      actor,
      input: {
        organisationId: demo.organisationId,
        entityId: base.entity_id,
        name: SCALED_ENGAGEMENT_NAME,
        profile: SCALED_PROFILE,
        startDate: '2027-01-11',
        endDate: '2027-04-30',
        team: [...base.team],
      },
      tx,
      catalogue,
    }),
  );
  const target = { organisationId: demo.organisationId, engagementId: engagement.id };
  const rows = await db
    .selectFrom('assessments')
    .select(['id', 'version', 'requirement_urn'])
    .where('organisation_id', '=', target.organisationId)
    .where('engagement_id', '=', target.engagementId)
    .orderBy('requirement_urn')
    .execute();
  const changes = assessmentChanges(rows, random);
  await inTransaction(db, (tx) => bulkUpdateAssessments({ actor, input: { ...target, changes }, tx }));
  await importScans(db, actor, target, options.findings ?? 5000, random);
  const assessed = new Set(changes.filter((c) => c.status !== 'not-applicable').map((c) => c.id));
  const urns = rows.filter((r) => assessed.has(r.id)).map((r) => r.requirement_urn);
  await seedEvidence(db, store, catalogue, actor, target, urns, options.evidence ?? 200, random);
  return { ...summary, engagementId: engagement.id, assessments: rows.length, created: true };
}
