import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { DomainError, authorize, heatMap, isDomainError, type Actor, type Treatment } from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import { json } from '../db/json.ts';
import type { RiskTable } from '../db/schema.ts';
import type { CommandProps, QueryProps } from './context.ts';
import { found } from './context.ts';
import { loadEngagement, type EngagementInput } from './engagements.ts';
import { checkReferences } from './risks-references.ts';
import { checkVersion } from './stale-version.ts';
import {
  assetsByCategory,
  rateRisk,
  riskRows,
  riskSettings,
  riskView,
  type RiskDetail,
  type RiskSettings,
  type RiskView,
} from './risks-view.ts';

/** What a person writes about a risk; ratings, appetite and overdue are computed by core. */
export interface RiskFields {
  readonly title: string;
  readonly assetIds: readonly string[];
  readonly threat: string;
  readonly vulnerabilities: readonly {
    readonly id?: string | undefined;
    readonly description: string;
    readonly findingIds: readonly string[];
    readonly failedRequirementUrns: readonly string[];
  }[];
  readonly likelihood: number;
  readonly impact: number;
  readonly residual?: { readonly likelihood: number; readonly impact: number } | null | undefined;
  readonly controlEffectiveness?: number | null | undefined;
  readonly treatment: Treatment;
  readonly acceptance?:
    { readonly by: string; readonly at: string; readonly rationale: string } | null | undefined;
  readonly ownerId: string | null;
  readonly nextReviewAt: string;
}

type RiskInput = EngagementInput & { readonly riskId: string };

/** The engagement's risks with core's ratings, a page at a time, optionally only those above appetite or overdue. */
export async function listRisks({
  actor,
  input,
  tx,
}: QueryProps<
  EngagementInput & {
    readonly aboveAppetite?: boolean | undefined;
    readonly overdue?: boolean | undefined;
    readonly page: number;
    readonly pageSize: number;
  }
>) {
  authorize(actor, 'engagement.read', input);
  const settings = await settingsOf(tx, actor, input);
  const now = new Date();
  const all = (await riskRows(tx, input.organisationId, input.engagementId))
    .map((row) => riskView(row, now, settings))
    .filter((r) => input.aboveAppetite === undefined || r.aboveAppetite === input.aboveAppetite)
    .filter((r) => input.overdue === undefined || r.overdue === input.overdue);
  const start = (input.page - 1) * input.pageSize;
  return {
    items: all.slice(start, start + input.pageSize),
    page: input.page,
    pageSize: input.pageSize,
    total: all.length,
    appetite: settings.appetite,
    matrix: settings.matrix,
    assets: await assetsByCategory(tx, input.organisationId, input.engagementId),
  };
}

/** One risk with its ratings. */
export async function getRisk({ actor, input, tx }: QueryProps<RiskInput>): Promise<RiskView> {
  authorize(actor, 'engagement.read', input);
  const settings = await settingsOf(tx, actor, input);
  return riskView(await loadRisk(tx, input), new Date(), settings);
}

/** Heat-map cells of the engagement's risks (inherent and residual), on the register's matrix. */
export async function riskHeatMap({ actor, input, tx }: QueryProps<EngagementInput>) {
  authorize(actor, 'engagement.read', input);
  const settings = await settingsOf(tx, actor, input);
  const now = new Date();
  const rated = (await riskRows(tx, input.organisationId, input.engagementId)).map((r) =>
    rateRisk(r, now, settings),
  );
  return { appetite: settings.appetite, ...heatMap(rated, settings.matrix) };
}

/** The engagement's matrix and appetite (404 when the engagement is not the caller organisation's). */
export async function settingsOf(
  tx: QueryProps<unknown>['tx'],
  actor: Actor,
  input: EngagementInput,
): Promise<RiskSettings> {
  return riskSettings(await loadEngagement(tx, actor, input));
}

async function loadRisk(tx: QueryProps<unknown>['tx'], input: RiskInput, lock = false) {
  let query = tx
    .selectFrom('risks')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId)
    .where('id', '=', input.riskId);
  if (lock) query = query.forUpdate();
  return found(await query.executeTakeFirst(), 'risk', input.riskId);
}

function columns(fields: RiskFields) {
  const detail: RiskDetail = {
    assetIds: fields.assetIds,
    threat: fields.threat,
    vulnerabilities: fields.vulnerabilities.map((v) => ({
      id: v.id ?? randomUUID(),
      description: v.description,
      findingIds: [...v.findingIds],
      failedRequirementUrns: [...v.failedRequirementUrns],
    })),
    ...(fields.residual == null ? {} : { residual: fields.residual }),
    ...(fields.controlEffectiveness == null ? {} : { controlEffectiveness: fields.controlEffectiveness }),
    ...(fields.acceptance == null ? {} : { acceptance: fields.acceptance }),
  };
  return {
    title: fields.title,
    likelihood: fields.likelihood,
    impact: fields.impact,
    treatment: fields.treatment,
    owner_id: fields.ownerId,
    next_review_at: new Date(fields.nextReviewAt),
    detail: json(detail),
  };
}

/** Rates the row with core before it is saved, so a risk core would reject never reaches the register. */
export function validated(row: Selectable<RiskTable>, settings: RiskSettings): RiskView {
  try {
    return riskView(row, new Date(), settings, true);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const path = (error.path ?? '').replace(/^\.?(inherent\.)?/, '');
    throw new DomainError(error.code, path === '' ? error.message : `${path}: ${error.message}`, {
      path,
      cause: error,
    });
  }
}

/** Adds a risk to the engagement's register. */
export async function createRisk({
  actor,
  input,
  tx,
}: CommandProps<EngagementInput & { readonly fields: RiskFields }>): Promise<RiskView> {
  authorize(actor, 'risk.manage', input);
  const settings = await settingsOf(tx, actor, input);
  await checkReferences(tx, input, input.fields);
  const draft = {
    id: randomUUID(),
    organisation_id: input.organisationId,
    engagement_id: input.engagementId,
    ...columns(input.fields),
  };
  validated(
    {
      ...draft,
      detail: JSON.parse(draft.detail),
      version: 1,
      created_at: new Date(),
      updated_at: new Date(),
    },
    settings,
  );
  const row = await tx.insertInto('risks').values(draft).returningAll().executeTakeFirstOrThrow();
  const view = riskView(row, new Date(), settings);
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'risk.create',
    entityType: 'risk',
    entityId: row.id,
    before: null,
    after: view,
  });
  return view;
}

/** Updates a risk if nobody changed it since `version`; 409 with the current state otherwise. */
export async function updateRisk({
  actor,
  input,
  tx,
}: CommandProps<
  RiskInput & { readonly version: number; readonly changes: Partial<RiskFields> }
>): Promise<RiskView> {
  authorize(actor, 'risk.manage', input);
  const settings = await settingsOf(tx, actor, input);
  const before = await loadRisk(tx, input, true);
  checkVersion('risk', before, input.version, (row) => riskView(row, new Date(), settings));
  const current = riskView(before, new Date(), settings);
  const merged: RiskFields = {
    title: current.title,
    assetIds: current.assetIds,
    threat: current.threat,
    vulnerabilities: current.vulnerabilities,
    likelihood: current.likelihood,
    impact: current.impact,
    residual: current.residual,
    controlEffectiveness: current.controlEffectiveness,
    treatment: current.treatment,
    acceptance: current.acceptance,
    ownerId: current.ownerId,
    nextReviewAt: current.nextReviewAt ?? new Date().toISOString(),
    ...Object.fromEntries(Object.entries(input.changes).filter(([, v]) => v !== undefined)),
  };
  await checkReferences(tx, input, merged);
  const next = columns(merged);
  validated({ ...before, ...next, detail: JSON.parse(next.detail) }, settings);
  const after = await tx
    .updateTable('risks')
    .set({ ...next, version: before.version + 1, updated_at: new Date() })
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', input.riskId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = riskView(after, new Date(), settings);
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'risk.update',
    entityType: 'risk',
    entityId: input.riskId,
    before: current,
    after: view,
  });
  return view;
}

/** Deletes a risk; with `version`, only if nobody changed it since. */
export async function deleteRisk({
  actor,
  input,
  tx,
}: CommandProps<RiskInput & { readonly version?: number | undefined }>): Promise<{ deleted: string }> {
  authorize(actor, 'risk.manage', input);
  const settings = await settingsOf(tx, actor, input);
  const before = await loadRisk(tx, input, true);
  if (input.version !== undefined)
    checkVersion('risk', before, input.version, (row) => riskView(row, new Date(), settings));
  await tx
    .deleteFrom('risks')
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', input.riskId)
    .execute();
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: 'risk.delete',
    entityType: 'risk',
    entityId: input.riskId,
    before: riskView(before, new Date(), settings),
    after: null,
  });
  return { deleted: input.riskId };
}
