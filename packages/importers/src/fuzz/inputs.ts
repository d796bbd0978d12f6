import fc from 'fast-check';
import { mutate, mutationArb, type Mutation } from './mutate.ts';
import type { Seed } from './seeds.ts';

/** One generated input: the text, and how it was made (printed when it fails). */
export interface FuzzInput {
  readonly text: string;
  readonly how: string;
}

const XML_NAMES = [
  'nmaprun',
  'host',
  'port',
  'ports',
  'address',
  'service',
  'script',
  'OWASPZAPReport',
  'site',
  'alerts',
  'alertitem',
  'issues',
  'issue',
  'report',
  'results',
  'result',
  'nvt',
  'item',
  'instances',
];

const xmlArb: fc.Arbitrary<string> = fc
  .letrec<{ node: string }>((tie) => ({
    node: fc
      .tuple(
        fc.constantFrom(...XML_NAMES),
        fc.array(fc.tuple(fc.constantFrom('name', 'id', 'portid', 'addr', 'risk', 'state'), fc.string()), {
          maxLength: 3,
        }),
        fc.array(fc.oneof(fc.string({ maxLength: 20 }), tie('node')), {
          maxLength: 4,
          depthIdentifier: 'xml',
        }),
      )
      .map(
        ([name, attrs, content]) =>
          `<${name}${attrs.map(([k, v]) => ` ${k}="${v.replace(/["<&]/g, '')}"`).join('')}>${content.join('')}</${name}>`,
      ),
  }))
  .node.map((root) => `<?xml version="1.0"?>\n${root}`);

/** Header lines of the CSV seeds, so random rows reach the per-column code. */
function csvArb(headers: readonly string[]): fc.Arbitrary<string> {
  const header = headers.length === 0 ? fc.string() : fc.constantFrom(...headers);
  return fc
    .tuple(header, fc.array(fc.array(fc.string({ maxLength: 16 }), { maxLength: 24 }), { maxLength: 6 }))
    .map(([head, rows]) => [head, ...rows.map((r) => r.join(','))].join('\n'));
}

/** A JSON object with the top-level keys of a seed and random values: it passes detection, then fails deeper. */
function skeletonArb(seeds: readonly Seed[]): fc.Arbitrary<string> {
  const shapes = seeds.flatMap((s) => {
    try {
      const value = JSON.parse(s.text) as unknown;
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? [Object.keys(value)] : [];
    } catch {
      return [];
    }
  });
  if (shapes.length === 0) return fc.jsonValue().map((v) => JSON.stringify(v));
  return fc
    .constantFrom(...shapes)
    .chain((keys) =>
      fc.tuple(
        fc.constant(keys),
        fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: keys.length, maxLength: keys.length }),
      ),
    )
    .map(([keys, values]) => JSON.stringify(Object.fromEntries(keys.map((k, i) => [k, values[i]]))));
}

/** Inputs made from nothing: arbitrary text and bytes, JSON, XML and CSV shaped like the format's seeds. */
export function randomInputs(seeds: readonly Seed[]): fc.Arbitrary<FuzzInput> {
  const headers = seeds.map((s) => s.text.split(/\r?\n/, 1)[0] ?? '').filter((h) => h.includes(','));
  return fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8')),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      xmlArb,
      csvArb(headers),
      skeletonArb(seeds),
    )
    .map((text) => ({ text, how: 'random' }));
}

function describeMutations(mutations: readonly Mutation[]): string {
  return mutations
    .map((m) =>
      JSON.stringify(m, (_k, v: unknown) =>
        typeof v === 'string' && v.length > 40 ? `${v.slice(0, 40)}…` : v,
      ),
    )
    .join(', ');
}

/** Real (or hand-written) documents of the format, with one to four mutations applied in turn. */
export function mutatedInputs(seeds: readonly Seed[]): fc.Arbitrary<FuzzInput> {
  return fc
    .record({
      seed: fc.nat({ max: seeds.length - 1 }),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
    })
    .map(({ seed, mutations }) => {
      const origin = seeds[seed] ?? { origin: '', text: '' };
      return {
        text: mutations.reduce(mutate, origin.text),
        how: `${origin.origin} with ${describeMutations(mutations)}`,
      };
    });
}
