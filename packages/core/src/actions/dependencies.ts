import { DomainError } from '../errors.ts';
import type { Recommendation } from './actions.schema.ts';

/** Throws when a dependency names no recommendation or when dependencies form a cycle (nothing could start). */
export function validateDependencies(items: readonly Pick<Recommendation, 'id' | 'dependencies'>[]): void {
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const item of items) {
    for (const dep of item.dependencies) {
      if (!byId.has(dep)) {
        throw new DomainError(
          'actions.unknown_dependency',
          `${item.id} depends on ${dep}, which is not in the plan; remove or fix it`,
          {
            path: `${item.id}.dependencies`,
          },
        );
      }
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: readonly string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      throw new DomainError(
        'actions.dependency_cycle',
        `dependencies form a cycle: ${cycle.join(' → ')}; remove one of them`,
        {
          path: `${id}.dependencies`,
          details: cycle,
        },
      );
    }
    state.set(id, 'visiting');
    for (const dep of byId.get(id)?.dependencies ?? []) visit(dep, [...trail, id]);
    state.set(id, 'done');
  };
  for (const item of items) visit(item.id, []);
}
