import { firstChar } from '../../util/json.ts';

/** A JSON object with `runs` and either version 2.1.0 or a SARIF `$schema` (validated on `version` at parse). */
export function detectSarif(sample: string): boolean {
  if (firstChar(sample) !== '{') return false;
  return (
    /"runs"\s*:/.test(sample) &&
    (/"version"\s*:\s*"2\.1\.0"/.test(sample) || /"\$schema"\s*:\s*"[^"]*sarif/i.test(sample))
  );
}
