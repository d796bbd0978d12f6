// Report rendering at engagement scale: the demo snapshot grown to 450 applicable requirements, 5,000 findings, 80
// risks and 150 actions, rendered to PDF, DOCX (charts included) and XLSX. Each format runs in its own child process
// so its peak RSS is its own; cold is the first render in that process (compiler, fonts and chart font loading),
// warm the median of the next five renders of new content. Wall-clock and CPU time are both printed: on a shared
// machine the wall-clock time of a single-threaded render grows with the load average, its CPU time much less. The
// baseline, measured in the same child, is JSON.stringify of the scaled snapshot.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const REPORT = new URL('../../packages/report/src/index.ts', import.meta.url).href;
const TARGET_MS: Readonly<Record<string, number>> = { pdf: 2000, docx: 3000, xlsx: 3000 };
const SIZES = { requirements: 450, findings: 5000, risks: 80, actions: 150 } as const;

const CHILD = `
const [format, lang] = process.argv.slice(2);
const report = await import(${JSON.stringify(REPORT)});
const catalogue = await report.bundledCatalogue();
const big = report.scaleSnapshot(report.demoSnapshot(catalogue), { ...${JSON.stringify(SIZES)}, catalogue });
const startRssKb = process.resourceUsage().maxRSS;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let t = performance.now();
const model = report.buildModel(big, catalogue);
const modelMs = performance.now() - t;
t = performance.now();
let c = cpu();
const first = await report.renderFromModel(model, format, lang);
const coldMs = performance.now() - t;
const coldCpuMs = cpu() - c;
// Warm renders use new content each time (the other language, then a new report version), so that Typst's
// memoisation cannot replay the cold render: this is a second engagement rendered by a loaded process.
const variant = (version) => ({ ...model, snapshot: { ...model.snapshot, engagement: { ...model.snapshot.engagement, reportVersion: version } } });
const warm = [];
const warmCpu = [];
const other = lang === 'en' ? 'fr' : 'en';
for (const [m, l] of [[model, other], [variant('1.1'), lang], [variant('1.2'), other], [variant('1.3'), lang], [variant('1.4'), other]]) {
  t = performance.now();
  c = cpu();
  await report.renderFromModel(m, format, l);
  warm.push(performance.now() - t);
  warmCpu.push(cpu() - c);
}
warm.sort((a, b) => a - b);
warmCpu.sort((a, b) => a - b);
const base = [];
for (let i = 0; i < 5; i += 1) {
  t = performance.now();
  JSON.stringify(big);
  base.push(performance.now() - t);
}
base.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({
  requirements: model.scores.overall.applicable, findings: big.findings.length, risks: big.risks.register.risks.length,
  actions: big.actions.items.length, bytes: first.length, modelMs, coldMs, coldCpuMs, warmMs: warm[2], warmCpuMs: warmCpu[2], baselineMs: base[2],
  warmRangeMs: [warm[0], warm[4]],
  startRssKb, maxRssKb: process.resourceUsage().maxRSS,
}));
`;

interface Measure {
  readonly requirements: number;
  readonly findings: number;
  readonly risks: number;
  readonly actions: number;
  readonly bytes: number;
  readonly modelMs: number;
  readonly coldMs: number;
  readonly coldCpuMs: number;
  readonly warmMs: number;
  readonly warmCpuMs: number;
  readonly warmRangeMs: readonly [number, number];
  readonly baselineMs: number;
  readonly startRssKb: number;
  readonly maxRssKb: number;
}

const f0 = (n: number): string => n.toFixed(0);
const f1 = (n: number): string => n.toFixed(1);

export default async function (): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mica-report-bench-'));
  try {
    const script = join(dir, 'child.mjs');
    await writeFile(script, CHILD);
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${availableParallelism()} cores`,
    );
    let shown = false;
    for (const format of ['pdf', 'docx', 'xlsx']) {
      const out = execFileSync(process.execPath, ['--max-old-space-size=4096', script, format, 'en'], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      const m = JSON.parse(out) as Measure;
      if (!shown) {
        console.log(
          `scaled demo: ${m.requirements} applicable requirements, ${m.findings} findings, ${m.risks} risks, ${m.actions} actions; model build ${f0(m.modelMs)} ms; baseline JSON.stringify(snapshot) ${f1(m.baselineMs)} ms`,
        );
        shown = true;
      }
      const target = TARGET_MS[format] ?? Infinity;
      const verdict = (ms: number) => (ms < target ? 'met' : 'MISSED');
      console.log(
        `${format.padEnd(5)} cold ${f0(m.coldMs).padStart(5)} ms (cpu ${f0(m.coldCpuMs)})  ` +
          `warm median ${f0(m.warmMs).padStart(5)} ms [${f0(m.warmRangeMs[0])}-${f0(m.warmRangeMs[1])}] (cpu ${f0(m.warmCpuMs)})  ` +
          `target < ${target} ms: wall ${verdict(m.warmMs)}, cpu ${verdict(m.warmCpuMs)}  ` +
          `${f1(m.warmMs / m.baselineMs)}x baseline  peak RSS ${f0(m.maxRssKb / 1024)} MB (before render ${f0(m.startRssKb / 1024)} MB)  ${f0(m.bytes / 1024)} KiB`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
