import type { Format } from '../../format.ts';
import { firstChar } from '../../util/json.ts';
import { parseTrivy } from './parse.ts';

/** Schema 2 has `SchemaVersion` + `Results`; legacy is an array of `{Target, Vulnerabilities}`; k8s has `ClusterName`. */
export function detectTrivy(sample: string): boolean {
  const c = firstChar(sample);
  if (c === '{') {
    if (/"SchemaVersion"\s*:\s*2\b/.test(sample) && /"Results"\s*:|"ArtifactName"\s*:/.test(sample))
      return true;
    return /"ClusterName"\s*:/.test(sample) && /"(Vulnerabilities|Misconfigurations)"\s*:/.test(sample);
  }
  return (
    c === '[' &&
    /^\s*\[\s*\{\s*"Target"\s*:/.test(sample.replace(/^\uFEFF/, '')) &&
    /"(Vulnerabilities|Type|Class)"\s*:/.test(sample)
  );
}

export const trivy: Format = {
  name: 'trivy',
  label: 'Trivy JSON',
  versions:
    'legacy array (≤0.19, incl. `null`), SchemaVersion 2 (vulnerabilities, misconfigurations, secrets), Kubernetes summary',
  detect: detectTrivy,
  parse: parseTrivy,
};
