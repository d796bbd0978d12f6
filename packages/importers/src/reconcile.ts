import type { Finding, FindingStatus, StatusChange } from './finding.ts';

export interface ReconcileScope {
  /** The tool of the newer scan; only findings of this tool can become fixed. */
  readonly tool: string;
  /** Asset keys the newer scan covered; when given, findings on other assets are left alone. */
  readonly assetScope?: readonly string[];
}

export interface ReconcileResult {
  /** In the newer scan, not known before. */
  readonly new: readonly Finding[];
  /** Known before and still reported: lastSeen updated, history kept (a fixed finding that reappears reopens). */
  readonly stillPresent: readonly Finding[];
  /** Known before in the same tool and scope, absent from the newer scan: now fixed. */
  readonly fixed: readonly Finding[];
  /** Out of scope, already fixed, or false positives that are no longer reported: unchanged. */
  readonly unchanged: readonly Finding[];
  /** Everything, for storing: new + stillPresent + fixed + unchanged. */
  readonly all: readonly Finding[];
}

function transition(f: Finding, status: FindingStatus, at: string, reason: string): Finding {
  if (f.status === status) return f;
  const change: StatusChange = { status, at, reason };
  return { ...f, status, statusHistory: [...f.statusHistory, change] };
}

function inScope(f: Finding, scope: ReconcileScope): boolean {
  if (f.tool.toLowerCase() !== scope.tool.toLowerCase()) return false;
  return scope.assetScope === undefined || scope.assetScope.includes(f.asset);
}

/**
 * Compares a newer scan with what was known (pure): which findings are new, which are still present, which are
 * now fixed (present before, absent from a newer scan of the same tool and scope). Status transitions are
 * appended to each finding's history with the `now` timestamp; nothing is ever dropped.
 */
export function reconcile(
  previous: readonly Finding[],
  incoming: readonly Finding[],
  scope: ReconcileScope,
  now: Date | string,
): ReconcileResult {
  const at = typeof now === 'string' ? now : now.toISOString();
  const before = new Map(previous.map((f) => [f.fingerprint, f]));
  const seen = new Set<string>();
  const fresh: Finding[] = [];
  const stillPresent: Finding[] = [];
  for (const inc of incoming) {
    if (seen.has(inc.fingerprint)) continue;
    seen.add(inc.fingerprint);
    const old = before.get(inc.fingerprint);
    if (old === undefined) {
      fresh.push({
        ...inc,
        firstSeen: at,
        lastSeen: at,
        statusHistory: [{ status: inc.status, at, reason: 'first seen' }],
      });
      continue;
    }
    let merged: Finding = {
      ...inc,
      firstSeen: old.firstSeen,
      lastSeen: at,
      status: old.status,
      statusHistory: old.statusHistory,
    };
    if (old.status === 'fixed') merged = transition(merged, 'open', at, `reported again by ${inc.tool}`);
    if (inc.status !== 'open' && inc.status !== merged.status)
      merged = transition(merged, inc.status, at, `set by ${inc.tool}`);
    stillPresent.push(merged);
  }
  const fixed: Finding[] = [];
  const unchanged: Finding[] = [];
  for (const old of previous) {
    if (seen.has(old.fingerprint)) continue;
    if (inScope(old, scope) && (old.status === 'open' || old.status === 'accepted')) {
      fixed.push(transition(old, 'fixed', at, `absent from a newer ${scope.tool} scan`));
    } else unchanged.push(old);
  }
  return {
    new: fresh,
    stillPresent,
    fixed,
    unchanged,
    all: [...fresh, ...stillPresent, ...fixed, ...unchanged],
  };
}
