import { open } from 'node:fs/promises';
import { newFinding } from '../../build.ts';
import { importError, malformed } from '../../errors.ts';
import type { Asset, Finding } from '../../finding.ts';
import type { ParsedFile, ParseOptions } from '../../format.ts';
import { newAsset } from '../../asset.ts';
import { arr, isRecord, jsonPathAt, parseJson, rec, str } from '../../util/json.ts';
import { mapResult } from './map.ts';
import type { RunContext } from './map.ts';
import { SarifSplitter } from './splitter.ts';
import { readTool } from './tool.ts';
import type { SarifTool } from './tool.ts';

interface RunState {
  tool?: SarifTool;
  artifacts: readonly unknown[];
  asset: string;
  pending: { bytes: Buffer; offset: number; first: number; count: number }[];
  context?: RunContext;
}

/** Receives the pieces cut by the splitter and turns results into findings one by one. */
class SarifAssembler {
  readonly findings: Finding[] = [];
  readonly assets: Asset[] = [];
  readonly tools: SarifTool[] = [];
  version: string | undefined;
  private runs: RunState[] = [];
  private readonly now: string;

  constructor(options: ParseOptions) {
    this.now = options.now;
  }

  topValue(key: string, bytes: Buffer, offset: number): void {
    if (key === 'version')
      this.version = str(parseJson(bytes.toString('utf8'), 'sarif', offset, '$.version'));
  }

  runStart(run: number): void {
    this.runs[run] = { artifacts: [], asset: 'unknown-repository', pending: [] };
  }

  runValue(run: number, key: string, bytes: Buffer, offset: number): void {
    const state = this.state(run);
    if (key !== 'tool' && key !== 'artifacts' && key !== 'versionControlProvenance') return;
    const value = parseJson(bytes.toString('utf8'), 'sarif', offset, `$.runs[${run}].${key}`);
    state.context = undefined;
    if (key === 'tool') {
      state.tool = readTool(value);
      this.tools.push(state.tool);
    } else if (key === 'artifacts') state.artifacts = arr(value);
    else {
      const vcs = rec(arr(value)[0]);
      const repo = str(vcs.repositoryUri);
      if (repo !== undefined) {
        state.asset = repo.replace(/\.git$/, '').toLowerCase();
        this.assets.push(newAsset('repository', state.asset, repo, { revision: str(vcs.revisionId) ?? '' }));
      }
    }
  }

  results(run: number, first: number, count: number, bytes: Buffer, offset: number): void {
    const state = this.state(run);
    // Results that come before `tool` wait for the end of the run, when tool and artifacts are both known.
    if (state.tool === undefined || state.pending.length > 0) {
      state.pending.push({ bytes: Buffer.from(bytes), offset, first, count });
      return;
    }
    this.normalise(state, state.tool, run, first, count, bytes, offset);
  }

  private normalise(
    state: RunState,
    tool: SarifTool,
    run: number,
    first: number,
    count: number,
    bytes: Buffer,
    offset: number,
  ): void {
    const text = bytes.toString('utf8');
    let values: unknown[];
    try {
      values = count === 1 ? [JSON.parse(text) as unknown] : (JSON.parse(`[${text}]`) as unknown[]);
    } catch {
      // Locate the broken element precisely by parsing the batch element by element.
      values = this.locateError(text, run, first, count, offset);
    }
    state.context ??= {
      tool,
      artifacts: state.artifacts,
      asset: state.asset,
      rules: new Map(),
      categories: new Map(),
      strings: new Map(),
    };
    const build = {
      tool: tool.name,
      now: this.now,
      ...(tool.version === undefined ? {} : { toolVersion: tool.version }),
    };
    for (const value of values) {
      if (!isRecord(value)) continue;
      const input = mapResult(value, state.context);
      if (input !== undefined) this.findings.push(newFinding(input, build));
    }
  }

  private locateError(text: string, run: number, first: number, count: number, offset: number): never {
    if (count === 1) parseJson(text, 'sarif', offset, `$.runs[${run}].results[${first}]`);
    try {
      JSON.parse(`[${text}]`);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      const pos = Number(/at position (\d+)/.exec(message)?.[1] ?? 0);
      const inner = jsonPathAt(`[${text}]`, pos, '');
      const m = /^\[(\d+)\](.*)$/.exec(inner);
      const path =
        m === null
          ? `$.runs[${run}].results`
          : `$.runs[${run}].results[${first + Number(m[1])}]${m[2] ?? ''}`;
      throw malformed('sarif', `${path} (offset ${offset + Math.max(0, pos - 1)})`, message, cause);
    }
    throw malformed('sarif', `$.runs[${run}].results[${first}] (offset ${offset})`, 'unparsable results');
  }

  runEnd(run: number): void {
    const state = this.state(run);
    if (state.pending.length === 0) return;
    if (state.tool === undefined) {
      throw importError(
        'import.malformed',
        `sarif: runs[${run}] has results but no "tool"; the log is not valid SARIF.`,
        {
          path: `$.runs[${run}].tool`,
        },
      );
    }
    for (const p of state.pending)
      this.normalise(state, state.tool, run, p.first, p.count, p.bytes, p.offset);
    state.pending = [];
  }

  private state(run: number): RunState {
    const state = this.runs[run];
    if (state === undefined) throw new Error(`sarif: run ${run} was not started`);
    return state;
  }

  finish(): ParsedFile {
    if (this.version !== '2.1.0') {
      throw importError(
        'import.unsupported',
        `sarif: version ${this.version ?? '(missing)'} is not supported; export SARIF 2.1.0 from the tool.`,
        { path: '$.version' },
      );
    }
    const names = [...new Set(this.tools.map((t) => t.name))];
    const version = this.tools[0]?.version;
    return {
      tool: names.length === 0 ? 'SARIF' : names.join(', '),
      ...(version === undefined ? {} : { toolVersion: version }),
      findings: this.findings,
      assets: this.assets,
    };
  }
}

/** Parses a SARIF log held in memory, piece by piece (never one object graph for the whole log). */
export function parseSarif(content: string, options: ParseOptions): ParsedFile {
  const assembler = new SarifAssembler(options);
  const splitter = new SarifSplitter(assembler);
  splitter.feed(Buffer.from(content, 'utf8'));
  splitter.end();
  return assembler.finish();
}

const CHUNK = 1024 * 1024;

/** Streams a SARIF file from disk in 1 MiB chunks: memory holds the findings, not the file. */
export async function parseSarifFile(
  path: string,
  options: ParseOptions,
  chunkBytes = CHUNK,
): Promise<ParsedFile> {
  const assembler = new SarifAssembler(options);
  const splitter = new SarifSplitter(assembler);
  const handle = await open(path, 'r');
  // One buffer, reused for every read: the splitter copies what it keeps.
  const buffer = Buffer.allocUnsafe(chunkBytes);
  let consumed = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null);
      if (bytesRead === 0) break;
      splitter.feed(buffer.subarray(0, bytesRead));
      consumed += bytesRead;
      options.onProgress?.(consumed, assembler.findings.length);
    }
  } finally {
    await handle.close();
  }
  splitter.end();
  return assembler.finish();
}
