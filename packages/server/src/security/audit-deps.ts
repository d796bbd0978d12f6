// `npm run audit:deps`: the dependency audit of docs/security.md. Runs `npm audit --omit=dev --audit-level=high`
// and says plainly when the advisory endpoint could not be reached, so "nothing found" and "nothing checked" never
// look alike. Exit 0: no high or critical advisory; 1: some; 2: the audit could not run.
import { spawnSync } from 'node:child_process';

interface AuditReport {
  readonly metadata?: { readonly vulnerabilities?: Readonly<Record<string, number>> };
  readonly message?: string;
  readonly error?: { readonly summary?: string };
}

const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report: AuditReport = {};
try {
  report = JSON.parse(run.stdout || '{}') as AuditReport;
} catch {
  // Not JSON: handled below as "could not run".
}
const counts = report.metadata?.vulnerabilities;
if (counts === undefined) {
  const reason =
    report.message ?? report.error?.summary ?? (run.stderr.trim() || `npm exited with ${run.status}`);
  process.stderr.write(
    `dependency audit could NOT run: ${reason}\n` +
      'Nothing was checked. Run it where the npm advisory endpoint is reachable (see docs/security.md).\n',
  );
  process.exit(2);
}
const high = (counts.high ?? 0) + (counts.critical ?? 0);
const summary = Object.entries(counts)
  .filter(([key]) => key !== 'total')
  .map(([key, n]) => `${key} ${n}`)
  .join(', ');
process.stdout.write(`production dependencies: ${summary}\n`);
if (high > 0) {
  process.stdout.write(
    spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high'], { encoding: 'utf8' }).stdout,
  );
  process.stderr.write(
    `${high} high or critical advisories: fix or record an exception in docs/security.md\n`,
  );
  process.exit(1);
}
