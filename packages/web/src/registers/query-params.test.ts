import { describe, expect, it } from 'vitest';
import { withParams } from './query-params.ts';

describe('changing query parameters', () => {
  it('sets, replaces and removes the named parameters and keeps the others in place', () => {
    const params = new URLSearchParams('view=residual&cell=4-5&risk=r1');
    const next = withParams(params, { cell: undefined, risk: 'r2', overdue: 'true' });
    expect(next.toString()).toBe('view=residual&risk=r2&overdue=true');
  });

  it('leaves the parameters it was given untouched', () => {
    const params = new URLSearchParams('incident=i1');
    withParams(params, { incident: undefined });
    expect(params.toString()).toBe('incident=i1');
  });

  it('removing a parameter that is absent changes nothing', () => {
    expect(withParams(new URLSearchParams('a=1'), { b: undefined }).toString()).toBe('a=1');
  });
});
