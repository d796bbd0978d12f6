import { randomUUID } from 'node:crypto';
import {
  DomainError,
  actionPlanSchema,
  authorize,
  editRecommendation,
  generatePlan,
  impactEffortMatrix,
  mergeRecommendations,
  regenerate,
  splitRecommendation,
  timeline,
  type ActionPlan,
  type Actor,
  type Catalogue,
  type Editor,
  type RecommendationPatch,
  type SplitPart,
} from '@mica-audit/core';
import { appendAudit } from '../audit/audit-log.ts';
import { json } from '../db/json.ts';
import { actionInputs } from './actions-inputs.ts';
import type { CommandProps, QueryProps } from './context.ts';
import { loadEngagement, type EngagementInput } from './engagements.ts';

interface Stored {
  readonly plan: ActionPlan;
  readonly version: number;
}

/** The plan as the API shows it: core's plan plus the version to send back with an edit (0 before generation). */
export interface PlanView {
  readonly version: number;
  readonly generatedAt: Date | null;
  readonly items: ActionPlan['items'];
}

const view = (stored: Stored | undefined): PlanView =>
  stored === undefined
    ? { version: 0, generatedAt: null, items: [] }
    : { version: stored.version, generatedAt: stored.plan.generatedAt, items: stored.plan.items };

async function loadPlan(
  tx: QueryProps<unknown>['tx'],
  actor: Actor,
  input: EngagementInput,
  lock = false,
): Promise<Stored | undefined> {
  await loadEngagement(tx, actor, input);
  let query = tx
    .selectFrom('action_plans')
    .select(['plan', 'version'])
    .where('organisation_id', '=', input.organisationId)
    .where('engagement_id', '=', input.engagementId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : { plan: actionPlanSchema.parse(row.plan), version: row.version };
}

/** The engagement's persisted action plan (empty, version 0, until it is generated). */
export async function getActionPlan({ actor, input, tx }: QueryProps<EngagementInput>): Promise<PlanView> {
  authorize(actor, 'engagement.read', input);
  return view(await loadPlan(tx, actor, input));
}

/** Impact/effort matrix cells of the open items. */
export async function actionMatrix({ actor, input, tx }: QueryProps<EngagementInput>) {
  authorize(actor, 'engagement.read', input);
  const stored = await loadPlan(tx, actor, input);
  return stored === undefined
    ? impactEffortMatrix({ generatedAt: new Date(), items: [] })
    : impactEffortMatrix(stored.plan);
}

/** Timeline bars (start, due, dependencies) of every item. */
export async function actionTimeline({ actor, input, tx }: QueryProps<EngagementInput>) {
  authorize(actor, 'engagement.read', input);
  const stored = await loadPlan(tx, actor, input);
  return stored === undefined ? [] : timeline(stored.plan);
}

async function save(
  tx: CommandProps<unknown>['tx'],
  input: EngagementInput,
  previous: Stored | undefined,
  plan: ActionPlan,
): Promise<Stored> {
  const version = (previous?.version ?? 0) + 1;
  if (previous === undefined)
    await tx
      .insertInto('action_plans')
      .values({
        id: randomUUID(),
        organisation_id: input.organisationId,
        engagement_id: input.engagementId,
        plan: json(plan),
      })
      .execute();
  else
    await tx
      .updateTable('action_plans')
      .set({ plan: json(plan), version, updated_at: new Date() })
      .where('organisation_id', '=', input.organisationId)
      .where('engagement_id', '=', input.engagementId)
      .execute();
  return { plan, version };
}

/**
 * Generates the plan from the engagement's gaps, findings and risks, or regenerates it: core keeps every field a
 * person edited, every merge and split, and marks items whose sources disappeared instead of deleting them.
 */
export async function generateActionPlan({
  actor,
  input,
  tx,
  catalogue,
}: CommandProps<EngagementInput> & { readonly catalogue: Catalogue }): Promise<PlanView> {
  authorize(actor, 'action-plan.generate', input);
  const previous = await loadPlan(tx, actor, input, true);
  const inputs = await actionInputs(tx, actor, input, catalogue);
  const now = new Date();
  const plan =
    previous === undefined ? generatePlan(inputs, { now }) : regenerate(previous.plan, inputs, { now });
  const saved = await save(tx, input, previous, plan);
  const summary = (s: Stored | undefined) =>
    s === undefined ? null : { version: s.version, items: s.plan.items.map((i) => [i.id, i.status]) };
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: previous === undefined ? 'action-plan.generate' : 'action-plan.regenerate',
    entityType: 'action-plan',
    entityId: input.engagementId,
    before: summary(previous),
    after: summary(saved),
  });
  return view(saved);
}

type Change =
  | { readonly op: 'edit'; readonly id: string; readonly patch: RecommendationPatch }
  | {
      readonly op: 'merge';
      readonly ids: readonly string[];
      readonly title?: string | undefined;
      readonly newId?: string | undefined;
    }
  | { readonly op: 'split'; readonly id: string; readonly parts: readonly SplitPart[] };

function apply(plan: ActionPlan, change: Change, editor: Editor): ActionPlan {
  if (change.op === 'edit') return editRecommendation(plan, change.id, change.patch, editor);
  if (change.op === 'merge')
    return mergeRecommendations(plan, change.ids, editor, {
      ...(change.newId === undefined ? {} : { id: change.newId }),
      ...(change.title === undefined ? {} : { title: change.title }),
    });
  return splitRecommendation(plan, change.id, change.parts, editor);
}

/** Edits, merges or splits items of the plan if nobody changed the plan since `version`; 409 otherwise. */
export async function changeActionPlan({
  actor,
  input,
  tx,
}: CommandProps<EngagementInput & { readonly version: number; readonly change: Change }>): Promise<PlanView> {
  authorize(actor, 'action.update', input);
  const previous = await loadPlan(tx, actor, input, true);
  if (previous === undefined)
    throw new DomainError(
      'action-plan.not_generated',
      'the engagement has no action plan yet: generate it with POST …/action-plan/generate',
      { kind: 'not_found' },
    );
  if (previous.version !== input.version)
    throw new DomainError(
      'action-plan.version_conflict',
      `the action plan was changed by someone else (version ${previous.version}, you edited ${input.version}): reload it, reapply your change and save again`,
      { kind: 'conflict', details: { current: view(previous) } },
    );
  const plan = apply(previous.plan, input.change, { by: actor.userId, at: new Date() });
  const saved = await save(tx, input, previous, plan);
  const touched = new Set(input.change.op === 'merge' ? input.change.ids : [input.change.id]);
  const beforeIds = new Set(previous.plan.items.map((i) => i.id));
  await appendAudit(tx, {
    organisationId: input.organisationId,
    actorId: actor.userId,
    action: `action-plan.${input.change.op}`,
    entityType: 'action-plan',
    entityId: input.engagementId,
    before: { version: previous.version, items: previous.plan.items.filter((i) => touched.has(i.id)) },
    after: {
      version: saved.version,
      items: plan.items.filter((i) => touched.has(i.id) || !beforeIds.has(i.id)),
    },
  });
  return view(saved);
}
