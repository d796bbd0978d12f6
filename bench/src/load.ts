/** HTTP load helpers for api.bench.ts: a server child process, and autocannon runs with exact percentiles. */
import { fork, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { percentile } from './stats.ts';

export interface Target {
  readonly port: number;
  /** CPU time (user + system) the child has used so far, in milliseconds. */
  cpuMs(): Promise<number>;
  /** The bare target only: serve `body` at /bare-body from now on. */
  serve(body: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Forks api-target.ts with `args` and waits for the port it listens on. `MICA_BENCH_CPU_PROF=DIR` runs it with
 * `--cpu-prof`, writing one profile per child into DIR when it stops.
 */
export function startTarget(args: readonly string[]): Promise<Target> {
  const profileDir = process.env.MICA_BENCH_CPU_PROF;
  const child: ChildProcess = fork(new URL('./api-target.ts', import.meta.url), [...args], {
    execArgv: profileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profileDir],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`api-target ${args.join(' ')} exited with ${code}`)));
    child.once('message', (message) => {
      const port = (message as { port?: unknown }).port;
      if (typeof port !== 'number') return reject(new Error('api-target sent no port'));
      resolve({
        port,
        cpuMs: () => ask(child, 'cpu', 'cpuMs'),
        serve: async (body) => {
          await ask(child, { body }, 'served');
        },
        async stop() {
          child.send('stop');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        },
      });
    });
  });
}

/** Sends `message` to the child and resolves with the number its next answer carries under `field`. */
function ask(child: ChildProcess, message: string | object, field: string): Promise<number> {
  return new Promise((answer) => {
    const listen = (reply: unknown) => {
      const value = (reply as Record<string, unknown>)[field];
      if (typeof value !== 'number') return;
      child.off('message', listen);
      answer(value);
    };
    child.on('message', listen);
    child.send(message);
  });
}

export interface LoadResult {
  readonly p50: number;
  readonly p99: number;
  readonly rps: number;
  readonly requests: number;
  /** Non-2xx answers and socket errors: any of them makes the run worthless. */
  readonly failures: number;
}

export interface LoadOptions {
  readonly connections: number;
  readonly seconds: number;
  readonly headers?: Record<string, string>;
}

/**
 * Drives `url` with autocannon. Latencies are collected from each response (autocannon's own histogram keeps
 * whole milliseconds), so p50 and p99 keep their fractions.
 */
export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: options.connections, duration: options.seconds, headers: options.headers ?? {} },
      (error, finished) =>
        error === null || error === undefined
          ? resolve(finished)
          : reject(error instanceof Error ? error : new Error(String(error))),
    );
    instance.on('response', (_client, status, _bytes, time) => {
      if (status >= 200 && status < 300) latencies.push(time);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: latencies.length / result.duration,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
