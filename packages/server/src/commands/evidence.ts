import { randomUUID } from 'node:crypto';
import { DomainError, authorize, type Actor, type Catalogue } from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import type { Evidence } from '../db/schema.ts';
import { found, notFound, type CommandProps, type InOrganisation, type QueryProps } from './context.ts';
import { engagementRowVisible } from './engagement-access.ts';
import { loadEngagement } from './engagements.ts';

export interface EvidenceView {
  readonly id: string;
  readonly engagementId: string | null;
  readonly title: string;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly fileName: string;
  readonly effectiveDate: string | null;
  readonly expiryDate: string | null;
  readonly previousId: string | null;
  readonly version: number;
  readonly uploadedBy: string | null;
  readonly createdAt: string;
  readonly requirementUrns: readonly string[];
}

function view(row: Evidence, urns: readonly string[]): EvidenceView {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    title: row.title,
    sha256: row.sha256,
    size: row.size,
    mediaType: row.media_type,
    fileName: row.file_name,
    effectiveDate: row.effective_date,
    expiryDate: row.expiry_date,
    previousId: row.previous_id,
    version: row.version,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at.toISOString(),
    requirementUrns: urns,
  };
}

export interface RecordEvidenceInput extends InOrganisation {
  readonly engagementId?: string | undefined;
  readonly title?: string | undefined;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly size: number;
  readonly effectiveDate?: string | undefined;
  readonly expiryDate?: string | undefined;
  /** The evidence this upload supersedes: the new row continues its version chain and inherits its links. */
  readonly previousId?: string | undefined;
}

/** Records the metadata of stored content as a piece of evidence (the route has already streamed and hashed it). */
export async function recordEvidence({
  actor,
  input,
  tx,
}: CommandProps<RecordEvidenceInput>): Promise<EvidenceView> {
  authorize(actor, 'evidence.upload', input);
  if (input.engagementId !== undefined)
    await loadEngagement(tx, actor, {
      organisationId: input.organisationId,
      engagementId: input.engagementId,
    });
  const previous =
    input.previousId === undefined
      ? undefined
      : await loadEvidence(tx, actor, input.organisationId, input.previousId);
  if (previous !== undefined) {
    const newer = await tx
      .selectFrom('evidence')
      .select(['id', 'version'])
      .where('organisation_id', '=', input.organisationId)
      .where('previous_id', '=', previous.id)
      .executeTakeFirst();
    // A version chain never forks: a new version must follow the latest one.
    if (newer !== undefined)
      throw new DomainError(
        'evidence.not_latest',
        `previousId: evidence ${previous.id} was already superseded by ${newer.id} (version ${newer.version}); upload against the latest version`,
        { kind: 'conflict', path: 'previousId' },
      );
  }
  const row = await tx
    .insertInto('evidence')
    .values({
      id: randomUUID(),
      organisation_id: input.organisationId,
      engagement_id: input.engagementId ?? previous?.engagement_id ?? null,
      title: input.title ?? previous?.title ?? input.fileName,
      sha256: input.sha256,
      size: input.size,
      media_type: input.mediaType,
      file_name: input.fileName,
      effective_date: input.effectiveDate ?? null,
      expiry_date: input.expiryDate ?? null,
      previous_id: previous?.id ?? null,
      version: previous === undefined ? 1 : previous.version + 1,
      uploaded_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const urns = previous === undefined ? [] : await linksOf(tx, input.organisationId, previous.id);
  for (const urn of urns) await insertLink(tx, input.organisationId, row.id, urn);
  const created = view(row, urns);
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'evidence.upload',
    entityType: 'evidence',
    entityId: row.id,
    before: null,
    after: created,
  });
  return created;
}

// Evidence of an engagement outside the actor's reach does not exist for them (organisation-level evidence does).
async function loadEvidence(
  tx: QueryProps<unknown>['tx'],
  actor: Actor,
  organisationId: string,
  id: string,
): Promise<Evidence> {
  return found(
    await tx
      .selectFrom('evidence')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .where(engagementRowVisible(tx, actor, organisationId, 'evidence.engagement_id'))
      .executeTakeFirst(),
    'evidence',
    id,
  );
}

async function linksOf(tx: QueryProps<unknown>['tx'], organisationId: string, evidenceId: string) {
  const rows = await tx
    .selectFrom('evidence_links')
    .select('requirement_urn')
    .where('organisation_id', '=', organisationId)
    .where('evidence_id', '=', evidenceId)
    .orderBy('requirement_urn')
    .execute();
  return rows.map((r) => r.requirement_urn);
}

async function insertLink(
  tx: CommandProps<unknown>['tx'],
  organisationId: string,
  evidenceId: string,
  urn: string,
) {
  await tx
    .insertInto('evidence_links')
    .values({
      id: randomUUID(),
      organisation_id: organisationId,
      evidence_id: evidenceId,
      requirement_urn: urn,
    })
    .onConflict((oc) => oc.columns(['evidence_id', 'requirement_urn']).doNothing())
    .execute();
}

export type EvidenceInput = InOrganisation & { readonly evidenceId: string };

/** One piece of evidence with the requirements it supports. */
export async function getEvidence({ actor, input, tx }: QueryProps<EvidenceInput>): Promise<EvidenceView> {
  authorize(actor, 'evidence.read', input);
  const row = await loadEvidence(tx, actor, input.organisationId, input.evidenceId);
  return view(row, await linksOf(tx, input.organisationId, row.id));
}

/** The evidence of an organisation, optionally of one engagement or supporting one requirement. */
export async function listEvidence({
  actor,
  input,
  tx,
}: QueryProps<
  InOrganisation & {
    readonly engagementId?: string | undefined;
    readonly requirementUrn?: string | undefined;
  }
>) {
  authorize(actor, 'evidence.read', input);
  let query = tx
    .selectFrom('evidence')
    .selectAll('evidence')
    .where('evidence.organisation_id', '=', input.organisationId)
    .where(engagementRowVisible(tx, actor, input.organisationId, 'evidence.engagement_id'));
  if (input.engagementId !== undefined)
    query = query.where('evidence.engagement_id', '=', input.engagementId);
  if (input.requirementUrn !== undefined) {
    const urn = input.requirementUrn;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('evidence_links')
          .select('evidence_links.id')
          .whereRef('evidence_links.evidence_id', '=', 'evidence.id')
          .where('evidence_links.organisation_id', '=', input.organisationId)
          .where('evidence_links.requirement_urn', '=', urn),
      ),
    );
  }
  const rows = await query.orderBy('evidence.created_at', 'desc').execute();
  const ids = rows.map((r) => r.id);
  const links =
    ids.length === 0
      ? []
      : await tx
          .selectFrom('evidence_links')
          .select(['evidence_id', 'requirement_urn'])
          .where('organisation_id', '=', input.organisationId)
          .where('evidence_id', 'in', ids)
          .orderBy('requirement_urn')
          .execute();
  const byEvidence = Map.groupBy(links, (l) => l.evidence_id);
  return rows.map((r) =>
    view(
      r,
      (byEvidence.get(r.id) ?? []).map((l) => l.requirement_urn),
    ),
  );
}

export interface LinkInput extends EvidenceInput {
  readonly requirementUrn: string;
  readonly link: boolean;
}

/** Links evidence to a catalogue requirement, or unlinks it. One piece of evidence may support many requirements. */
export async function setEvidenceLink({
  actor,
  input,
  tx,
  catalogue,
}: CommandProps<LinkInput> & { readonly catalogue: Catalogue }): Promise<EvidenceView> {
  authorize(actor, 'evidence.link', input);
  const row = await loadEvidence(tx, actor, input.organisationId, input.evidenceId);
  const known = catalogue.libraries.some((l) =>
    l.nodes.some((n) => n.urn === input.requirementUrn && n.assessable),
  );
  if (!known)
    throw new DomainError(
      'evidence.unknown_requirement',
      `requirementUrn: ${input.requirementUrn} is not an assessable requirement of the catalogue`,
      {
        path: 'requirementUrn',
      },
    );
  const before = await linksOf(tx, input.organisationId, row.id);
  if (input.link) await insertLink(tx, input.organisationId, row.id, input.requirementUrn);
  else {
    const deleted = await tx
      .deleteFrom('evidence_links')
      .where('organisation_id', '=', input.organisationId)
      .where('evidence_id', '=', row.id)
      .where('requirement_urn', '=', input.requirementUrn)
      .executeTakeFirst();
    if (deleted.numDeletedRows === 0n) throw notFound('evidence link', input.requirementUrn);
  }
  const after = await linksOf(tx, input.organisationId, row.id);
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: input.link ? 'evidence.link' : 'evidence.unlink',
    entityType: 'evidence',
    entityId: row.id,
    before: { requirementUrns: before },
    after: { requirementUrns: after },
  });
  return view(row, after);
}
