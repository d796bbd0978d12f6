import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@mica-audit/core';
import { FUZZ_RUNS, MAX_MS_PER_INPUT } from '../../core/test/fuzz.ts';
import { loadCatalogue } from './load-catalogue.ts';

const fixture = fileURLToPath(new URL('../test/fixtures/ok', import.meta.url));
const nodesFile = join('libraries', 'demo', 'nodes.yaml');
const original = readFileSync(join(fixture, nodesFile), 'utf8');

/** A mutation of the valid node file: characters replaced, inserted or deleted at random places. */
const mutation = fc.array(
  fc.record({
    at: fc.nat(original.length),
    kind: fc.constantFrom('replace', 'insert', 'delete'),
    text: fc.string({ maxLength: 8 }),
  }),
  { minLength: 1, maxLength: 6 },
);

function mutate(edits: { at: number; kind: string; text: string }[]): string {
  let text = original;
  for (const edit of edits) {
    const at = Math.min(edit.at, text.length);
    if (edit.kind === 'insert') text = text.slice(0, at) + edit.text + text.slice(at);
    else if (edit.kind === 'delete') text = text.slice(0, at) + text.slice(at + edit.text.length + 1);
    else text = text.slice(0, at) + edit.text + text.slice(at + edit.text.length);
  }
  return text;
}

describe('fuzz: catalogue loading', () => {
  const root = mkdtempSync(join(tmpdir(), 'mica-audit-fuzz-'));
  cpSync(fixture, root, { recursive: true });

  it('a mutated library file loads or yields problems with a file and message, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (edits) => {
        writeFileSync(join(root, nodesFile), mutate(edits));
        const start = performance.now();
        try {
          const result = await loadCatalogue(root);
          for (const problem of result.problems) {
            expect(problem.file).not.toBe('');
            expect(problem.message).not.toBe('');
          }
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
        expect(performance.now() - start).toBeLessThan(MAX_MS_PER_INPUT);
      }),
      { numRuns: Math.max(20, Math.floor(FUZZ_RUNS / 4)) },
    );
  });

  it('YAML bombs (alias expansion) are refused quickly', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
      'nodes: *j',
    ].join('\n');
    writeFileSync(join(root, nodesFile), bomb);
    const start = performance.now();
    const result: Awaited<ReturnType<typeof loadCatalogue>> | Error = await loadCatalogue(root).catch(
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
    expect(performance.now() - start).toBeLessThan(MAX_MS_PER_INPUT);
    if (!(result instanceof Error)) expect(result.problems.length).toBeGreaterThan(0);
  });
});
