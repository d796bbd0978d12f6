import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatContract } from './format-contract.case.ts';
import { oscalProblems } from './oscal-shape.ts';

const SAMPLES = fileURLToPath(new URL('../../../../shared/research/samples/oscal/', import.meta.url));
const sample = (name: string): unknown => JSON.parse(readFileSync(`${SAMPLES}${name}`, 'utf8'));

function uuids(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => uuids(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'uuid' && typeof v === 'string') out.push(v);
      else uuids(v, out);
    }
  }
  return out;
}

function references(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => references(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.endsWith('-uuid') && typeof v === 'string' && k !== 'subject-uuid' && k !== 'actor-uuid')
        out.push(v);
      else if (k === 'href' && typeof v === 'string' && v.startsWith('#')) out.push(v.slice(1));
      else references(v, out);
    }
  }
  return out;
}

for (const [format, root] of [
  ['oscal-ar', 'assessment-results'],
  ['oscal-poam', 'plan-of-action-and-milestones'],
] as const) {
  formatContract(format, (rendered) => {
    const doc = () => JSON.parse(rendered().en.toString('utf8')) as Record<string, unknown>;

    it(`has the required ${root} structure of the OSCAL 1.1 model`, () => {
      expect(Object.keys(doc())).toEqual([root]);
      expect(oscalProblems(doc())).toEqual([]);
    });

    it('uses unique UUIDs and every internal reference resolves', () => {
      const all = uuids(doc());
      expect(new Set(all).size).toBe(all.length);
      const known = new Set(all);
      expect(references(doc()).filter((r) => !known.has(r))).toEqual([]);
    });
  });
}

describe.skipIf(!existsSync(SAMPLES))(
  'the OSCAL shape rules against NIST examples (../shared/research/samples/oscal)',
  () => {
    it.each(['ifa_assessment-results-example.json', 'ifa_plan-of-action-and-milestones.json'])(
      'accepts %s',
      (name) => {
        expect(oscalProblems(sample(name))).toEqual([]);
      },
    );
  },
);
