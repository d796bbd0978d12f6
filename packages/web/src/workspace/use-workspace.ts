import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, query } from '../api/client.ts';
import type { Assessment, Engagement, Evidence, Member, Page, Scoping } from '../api/types.ts';

export type AssessmentChange = Partial<
  Pick<Assessment, 'status' | 'maturity' | 'observation' | 'interviewNotes' | 'assigneeId'>
>;

/** The outcome of a bulk assignment: how many changed, or why none did. */
export type AssignResult =
  | { readonly kind: 'ok'; readonly changed: number }
  | { readonly kind: 'conflict'; readonly urn: string }
  | { readonly kind: 'error'; readonly message: string };

export interface Conflict {
  readonly urn: string;
  readonly mine: AssessmentChange;
  readonly theirs: Assessment;
}

export interface WorkspaceData {
  readonly engagement: Engagement;
  readonly scoping: Scoping;
  readonly assessments: ReadonlyMap<string, Assessment>;
  readonly evidence: readonly Evidence[];
  /** Members of the organisation (assignees are chosen among those in the engagement team). */
  readonly members: readonly Member[];
}

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ok'; data: WorkspaceData };

const PAGE_SIZE = 500;
const BULK_LIMIT = 1000;

async function allAssessments(base: string, signal: AbortSignal): Promise<Assessment[]> {
  const out: Assessment[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await api<Page<Assessment>>(
      'GET',
      `${base}/assessments${query({ page, pageSize: PAGE_SIZE })}`,
      {
        signal,
      },
    );
    out.push(...answer.items);
    if (out.length >= answer.total || answer.items.length === 0) return out;
  }
}

/**
 * The engagement, its scoping, assessments and evidence, and saving edits: optimistic, one request at a time per
 * assessment so quick successive edits each carry the version the previous one produced; a 409 becomes a conflict
 * for the user to settle.
 */
export function useWorkspace(organisationId: string, engagementId: string, lang: string) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  const [pending, setPending] = useState<ReadonlyMap<string, AssessmentChange>>(new Map());
  const [conflict, setConflict] = useState<Conflict | undefined>();
  const [saveError, setSaveError] = useState<string | undefined>();
  const server = useRef(new Map<string, Assessment>());
  const chains = useRef(new Map<string, Promise<void>>());
  const base = `/api/organisations/${organisationId}/engagements/${engagementId}`;

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    Promise.all([
      api<Engagement>('GET', base, { signal }),
      api<Scoping>('GET', `${base}/scoping${query({ lang })}`, { signal }),
      allAssessments(base, signal),
      api<Evidence[]>('GET', `/api/organisations/${organisationId}/evidence${query({ engagementId })}`, {
        signal,
      }),
      api<Member[]>('GET', `/api/organisations/${organisationId}/members`, { signal }),
    ]).then(
      ([engagement, scoping, assessments, evidence, members]) => {
        server.current = new Map(assessments.map((a) => [a.requirementUrn, a]));
        setLoad({
          kind: 'ok',
          data: { engagement, scoping, assessments: server.current, evidence, members },
        });
      },
      (error: unknown) => {
        if (!signal.aborted)
          setLoad({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [base, organisationId, engagementId, lang, round]);

  const publish = useCallback((assessment: Assessment) => {
    server.current = new Map(server.current).set(assessment.requirementUrn, assessment);
    setLoad((l) => (l.kind === 'ok' ? { kind: 'ok', data: { ...l.data, assessments: server.current } } : l));
  }, []);

  const send = useCallback(
    (urn: string, change: AssessmentChange, version?: number): Promise<void> => {
      const previous = chains.current.get(urn) ?? Promise.resolve();
      const next = previous.then(async () => {
        const current = server.current.get(urn);
        if (current === undefined) return;
        try {
          const saved = await api<Assessment>('PATCH', `${base}/assessments/${current.id}`, {
            body: { ...change, version: version ?? current.version },
          });
          publish(saved);
          setSaveError(undefined);
        } catch (error) {
          if (error instanceof ApiError && error.status === 409 && error.current !== undefined) {
            setConflict({ urn, mine: change, theirs: error.current as Assessment });
          } else setSaveError(error instanceof Error ? error.message : String(error));
        } finally {
          setPending((p) => {
            const copy = new Map(p);
            copy.delete(urn);
            return copy;
          });
        }
      });
      chains.current.set(urn, next);
      return next;
    },
    [base, publish],
  );

  /** Shows the change at once and saves it behind any save already under way for the same requirement. */
  const save = useCallback(
    (urn: string, change: AssessmentChange) => {
      setPending((p) => new Map(p).set(urn, { ...p.get(urn), ...change }));
      return send(urn, change);
    },
    [send],
  );

  const resolveConflict = useCallback(
    async (choice: 'reload' | 'overwrite') => {
      if (conflict === undefined) return;
      setConflict(undefined);
      publish(conflict.theirs);
      if (choice === 'overwrite') await send(conflict.urn, conflict.mine, conflict.theirs.version);
    },
    [conflict, publish, send],
  );

  /**
   * Assigns many requirements in one all-or-nothing request, after any save under way for them. A 409 means one
   * was changed meanwhile: its current state is shown and nothing was assigned, so the user can simply retry.
   */
  const assignMany = useCallback(
    async (
      changes: readonly { id: string; version: number; assigneeId: string | null }[],
    ): Promise<AssignResult> => {
      const urnOf = new Map([...server.current.values()].map((a) => [a.id, a.requirementUrn]));
      await Promise.all(changes.map((c) => chains.current.get(urnOf.get(c.id) ?? '') ?? Promise.resolve()));
      // Saves that finished meanwhile moved versions on: send the versions the server holds now.
      const fresh = changes.map((c) => ({
        ...c,
        version: server.current.get(urnOf.get(c.id) ?? '')?.version ?? c.version,
      }));
      let changed = 0;
      try {
        // The server takes 1,000 changes per request; a catalogue-sized group fits in one.
        for (let i = 0; i < fresh.length; i += BULK_LIMIT) {
          const saved = await api<Assessment[]>('PATCH', `${base}/assessments`, {
            body: { changes: fresh.slice(i, i + BULK_LIMIT) },
          });
          for (const a of saved) publish(a);
          changed += saved.length;
        }
        return { kind: 'ok', changed };
      } catch (error) {
        if (error instanceof ApiError && error.status === 409 && error.current !== undefined) {
          const theirs = error.current as Assessment;
          publish(theirs);
          return { kind: 'conflict', urn: theirs.requirementUrn };
        }
        return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
      }
    },
    [base, publish],
  );

  const setEvidence = useCallback((update: (list: readonly Evidence[]) => readonly Evidence[]) => {
    setLoad((l) =>
      l.kind === 'ok' ? { kind: 'ok', data: { ...l.data, evidence: update(l.data.evidence) } } : l,
    );
  }, []);

  const assessments = useMemo(() => {
    if (load.kind !== 'ok') return new Map<string, Assessment>();
    if (pending.size === 0) return load.data.assessments;
    const merged = new Map(load.data.assessments);
    for (const [urn, change] of pending) {
      const a = merged.get(urn);
      if (a !== undefined) merged.set(urn, { ...a, ...change });
    }
    return merged;
  }, [load, pending]);

  return {
    load,
    assessments,
    pending,
    save,
    conflict,
    resolveConflict,
    saveError,
    setEvidence,
    assignMany,
    reload: () => setRound((r) => r + 1),
  };
}
