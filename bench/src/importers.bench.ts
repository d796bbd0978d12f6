// Importer throughput and memory: a ~200 MB SARIF log (300,000 results) and a 20,000-host Nmap scan, each case in
// its own child process so that peak RSS figures are isolated, beside plain JSON.parse of the same SARIF file.
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SARIF_RESULTS = 300_000;
const NMAP_HOSTS = 20_000;
const IMPORTERS = new URL('../../packages/importers/src/registry.ts', import.meta.url).href;
const MAPPING = new URL('../../packages/importers/src/mapping/rules.ts', import.meta.url).href;
const XML_PARSER = new URL('../../node_modules/fast-xml-parser/src/fxp.js', import.meta.url).href;

/** Writes through a stream, waiting for drain, so the generator itself stays small. */
async function writeStreamed(path: string, parts: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const part of parts) {
    if (!out.write(part)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

function* sarifParts(): Generator<string> {
  const rules = Array.from({ length: 60 }, (_, i) => ({
    id: `bench/rule-${i}`,
    name: `BenchRule${i}`,
    shortDescription: { text: `Benchmark rule ${i}: unsafe use of an API that may allow injection` },
    fullDescription: {
      text: 'A longer description of the rule that explains the weakness, its impact and the fix.',
    },
    defaultConfiguration: { level: i % 3 === 0 ? 'error' : 'warning' },
    properties: {
      tags: ['security', `external/cwe/cwe-${79 + i}`],
      'security-severity': String((i % 10) + 0.5),
    },
    helpUri: `https://example.org/rules/${i}`,
  }));
  yield `{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"BenchScanner","version":"1.0.0","rules":${JSON.stringify(rules)}}},"results":[\n`;
  for (let i = 0; i < SARIF_RESULTS; i++) {
    const rule = i % 60;
    // Every result at its own place (file + line), so dedup keeps all 300,000.
    const file = `src/module-${i % 500}/file-${i % 2000}.ts`;
    const line = Math.floor(i / 2000) * 7 + 1;
    const result = {
      ruleId: `bench/rule-${rule}`,
      ruleIndex: rule,
      level: rule % 3 === 0 ? 'error' : 'warning',
      message: {
        text: `Untrusted data from request parameter "p${i % 97}" flows into a sensitive sink in handler${i}(); validate, encode or parameterise it before it reaches the database layer (occurrence ${i}).`,
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' },
            region: {
              startLine: line,
              startColumn: (i % 80) + 1,
              endLine: line + 1,
              endColumn: 42,
              snippet: {
                text: `const value${i % 10} = request.query["p${i % 97}"]; db.query("SELECT * FROM t WHERE id=" + value);`,
              },
            },
          },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: `${(i * 2654435761) % 4294967296}:1` },
      properties: { precision: 'high', tags: ['security'] },
    };
    yield `${i === 0 ? '' : ',\n'}${JSON.stringify(result)}`;
  }
  yield '\n]}]}\n';
}

function* nmapParts(): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE nmaprun>\n<?xml-stylesheet href="file:///usr/share/nmap/nmap.xsl" type="text/xsl"?>\n';
  yield '<nmaprun scanner="nmap" args="nmap -sV --script=banner -oX bench.xml 10.0.0.0/16" start="1700000000" version="7.94" xmloutputversion="1.05">\n';
  const services: readonly [number, string, string][] = [
    [22, 'ssh', 'OpenSSH 8.9p1'],
    [80, 'http', 'nginx 1.24.0'],
    [443, 'https', 'nginx 1.24.0'],
    [3306, 'mysql', 'MySQL 8.0.36'],
    [8080, 'http-proxy', 'Jetty 9.4'],
  ];
  for (let h = 0; h < NMAP_HOSTS; h++) {
    const ip = `10.${(h >> 16) & 255}.${(h >> 8) & 255}.${h & 255}`;
    const up = h % 10 !== 9;
    let host = `<host starttime="1700000001" endtime="1700000009"><status state="${up ? 'up' : 'down'}" reason="syn-ack" reason_ttl="0"/>\n<address addr="${ip}" addrtype="ipv4"/>\n<hostnames><hostname name="host-${h}.bench.example" type="PTR"/></hostnames>\n<ports><extraports state="closed" count="995"><extrareasons reason="resets" count="995"/></extraports>\n`;
    for (const [port, name, product] of services.slice(0, 2 + (h % 4))) {
      const [prod, version] = product.split(' ');
      host += `<port protocol="tcp" portid="${port}"><state state="open" reason="syn-ack" reason_ttl="64"/><service name="${name}" product="${prod ?? ''}" version="${version ?? ''}" method="probed" conf="10"><cpe>cpe:/a:${name}:${name}</cpe></service>`;
      if (port === 22) host += `<script id="banner" output="SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6"/>`;
      host += '</port>\n';
    }
    host += `</ports>\n<os><osmatch name="Linux 5.4" accuracy="96" line="1"><osclass type="general purpose" vendor="Linux" osfamily="Linux" osgen="5.X" accuracy="96"/></osmatch></os>\n<times srtt="1200" rttvar="300" to="100000"/>\n</host>\n`;
    yield host;
  }
  yield `<runstats><finished time="1700009999" exit="success"/><hosts up="${NMAP_HOSTS - NMAP_HOSTS / 10}" down="${NMAP_HOSTS / 10}" total="${NMAP_HOSTS}"/></runstats>\n</nmaprun>\n`;
}

/** The child: one case, timed, then its own peak RSS. */
const CHILD = `
import { readFileSync } from 'node:fs';
const [kind, path] = process.argv.slice(2);
// Load (and type-strip) the code, and the mapping table, before timing and before the RSS baseline.
if (kind.startsWith('import')) await import(${JSON.stringify(IMPORTERS)});
const mappingRules = kind === 'import-mapped' ? await (await import(${JSON.stringify(MAPPING)})).loadMappingRules() : undefined;
const startRssKb = process.resourceUsage().maxRSS;
globalThis.gc?.();
const t0 = performance.now();
let count = 0;
if (kind === 'json-parse') {
  const text = readFileSync(path, 'utf8');
  const t1 = performance.now();
  const doc = JSON.parse(text);
  count = doc.runs.reduce((n, r) => n + r.results.length, 0);
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, parseMs: performance.now() - t1, count, maxRssKb: process.resourceUsage().maxRSS }));
} else if (kind === 'xml-parse') {
  const { XMLParser } = await import(${JSON.stringify(XML_PARSER)});
  const doc = new XMLParser({ ignoreAttributes: false, processEntities: false }).parse(readFileSync(path, 'utf8'));
  count = doc.nmaprun.host.length;
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, count, maxRssKb: process.resourceUsage().maxRSS }));
} else {
  const { importFile } = await import(${JSON.stringify(IMPORTERS)});
  const r = await importFile(path, { now: '2026-01-01T00:00:00.000Z', ...(mappingRules === undefined ? {} : { mappingRules }) });
  const ms = performance.now() - t0;
  count = r.findings.length;
  globalThis.gc?.();
  const resultMb = process.memoryUsage().heapUsed / 1048576;
  process.stdout.write(JSON.stringify({ ms, count, assets: r.assets.length, maxRssKb: process.resourceUsage().maxRSS, resultMb, startRssKb }));
}
`;

interface Measure {
  readonly ms: number;
  readonly parseMs?: number;
  readonly count: number;
  readonly assets?: number;
  readonly maxRssKb: number;
  /** Heap still used after the import and a full GC: the findings themselves. */
  readonly resultMb?: number;
  /** Peak RSS before the timed part (Node plus the type-stripped importer code). */
  readonly startRssKb?: number;
}

function runOnce(script: string, kind: string, path: string, flags: readonly string[] = []): Measure {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', ...flags, script, kind, path],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out) as Measure;
}

const REPEAT = 3;

/** The median run by time (each in a fresh process), so one noisy run does not decide. */
function run(script: string, kind: string, path: string, flags: readonly string[] = []): Measure {
  const runs = Array.from({ length: REPEAT }, () => runOnce(script, kind, path, flags)).sort(
    (a, b) => a.ms - b.ms,
  );
  return runs[Math.floor(REPEAT / 2)] as Measure;
}

const mb = (bytes: number): number => bytes / 1024 / 1024;
const f1 = (n: number): string => n.toFixed(1);

export default async function (): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mica-importers-bench-'));
  try {
    const script = join(dir, 'child.mjs');
    await writeFile(script, CHILD);
    const sarifPath = join(dir, 'bench.sarif');
    const nmapPath = join(dir, 'bench-nmap.xml');
    await writeStreamed(sarifPath, sarifParts());
    await writeStreamed(nmapPath, nmapParts());
    const sarifMb = mb((await stat(sarifPath)).size);
    const nmapMb = mb((await stat(nmapPath)).size);
    console.log(
      `SARIF: ${f1(sarifMb)} MB, ${SARIF_RESULTS.toLocaleString('en')} results; Nmap: ${f1(nmapMb)} MB, ${NMAP_HOSTS.toLocaleString('en')} hosts`,
    );
    console.log(`(each case: ${REPEAT} fresh child processes, median by time; RSS is that process's peak)`);

    // Baseline and import alternate so that a busy machine slows both alike; medians by time.
    const pairs = Array.from(
      { length: REPEAT },
      () => [runOnce(script, 'json-parse', sarifPath), runOnce(script, 'import', sarifPath)] as const,
    );
    const median = (xs: readonly Measure[]): Measure =>
      [...xs].sort((a, b) => a.ms - b.ms)[Math.floor(xs.length / 2)] as Measure;
    const base = median(pairs.map((p) => p[0]));
    const imp = median(pairs.map((p) => p[1]));
    const ratios = pairs.map(([b, i]) => b.ms / i.ms).sort((a, b) => a - b);
    console.log('case                               time (s)   MB/s   items/s    peak RSS (MB)  RSS / file');
    const row = (name: string, m: Measure, size: number, items: number): void =>
      console.log(
        `${name.padEnd(34)} ${f1(m.ms / 1000).padStart(8)} ${f1(size / (m.ms / 1000)).padStart(6)} ${Math.round(
          items / (m.ms / 1000),
        )
          .toLocaleString('en')
          .padStart(9)}    ${f1(m.maxRssKb / 1024).padStart(9)}     ${(m.maxRssKb / 1024 / size).toFixed(2)}`,
      );
    row('SARIF baseline: read + JSON.parse', base, sarifMb, base.count);
    if (base.parseMs !== undefined)
      console.log(
        `  (JSON.parse alone: ${f1(base.parseMs / 1000)} s, ${f1(sarifMb / (base.parseMs / 1000))} MB/s)`,
      );
    row(`SARIF importFile (${imp.count} findings)`, imp, sarifMb, imp.count);
    console.log(
      `  (importer code loaded before timing: ${f1((imp.startRssKb ?? 0) / 1024)} MB RSS; findings kept after GC: ${f1(imp.resultMb ?? 0)} MB heap)`,
    );
    console.log(
      `SARIF throughput ratio to read + JSON.parse: median ${(ratios[Math.floor(REPEAT / 2)] ?? 0).toFixed(2)} (runs: ${ratios.map((r) => r.toFixed(2)).join(', ')}; target ≥ 0.50)`,
    );
    // Peak RSS is getrusage's maxRSS of a fresh child process (nothing else ran in it). The runtime is that child's
    // maxRSS once Node, the type-stripped importer code (and the mapping table) are loaded, before the file is
    // opened; growth = peak − runtime is what the file costs.
    const growth = (m: Measure) => (m.maxRssKb - (m.startRssKb ?? 0)) / 1024 / sarifMb;
    console.log(
      `SARIF peak RSS: ${(imp.maxRssKb / 1024 / sarifMb).toFixed(2)}× file size in total; growth above the loaded runtime (${f1((imp.startRssKb ?? 0) / 1024)} MB): ${growth(imp).toFixed(2)}× (target < 2); read + JSON.parse baseline ${(base.maxRssKb / 1024 / sarifMb).toFixed(2)}× in total`,
    );
    // V8 would grow its young generation to 128 MB while 300,000 findings keep surviving; importFile holds it while
    // it parses (packages/importers/src/util/young-generation.ts). Beside it, the process-wide Node option that caps
    // it instead (--max-semi-space-size=16), for comparison.
    const capped = run(script, 'import', sarifPath, ['--max-semi-space-size=16']);
    row('SARIF importFile, semi-space 16 MB', capped, sarifMb, capped.count);
    console.log(
      `  (--max-semi-space-size=16: peak ${(capped.maxRssKb / 1024 / sarifMb).toFixed(2)}× in total, growth ${growth(capped).toFixed(2)}×)`,
    );
    const mapped = run(script, 'import-mapped', sarifPath);
    row('SARIF importFile + mapping (server)', mapped, sarifMb, mapped.count);
    console.log(
      `  (with requirements mapped, as the server imports: peak ${(mapped.maxRssKb / 1024 / sarifMb).toFixed(2)}× in total, growth ${growth(mapped).toFixed(2)}×)`,
    );

    const xmlBase = run(script, 'xml-parse', nmapPath);
    const nmap = run(script, 'import', nmapPath);
    row('Nmap baseline: whole-doc XMLParser', xmlBase, nmapMb, xmlBase.count);
    row(`Nmap importFile (${nmap.count} findings, ${nmap.assets ?? 0} assets)`, nmap, nmapMb, nmap.count);
    console.log(
      `  (importer code loaded before timing: ${f1((nmap.startRssKb ?? 0) / 1024)} MB RSS; findings and assets kept after GC: ${f1(nmap.resultMb ?? 0)} MB heap)`,
    );
    console.log(
      `Nmap throughput ratio to whole-document XMLParser: ${(nmapMb / (nmap.ms / 1000) / (nmapMb / (xmlBase.ms / 1000))).toFixed(2)}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
