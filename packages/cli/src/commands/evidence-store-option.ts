import type { EvidenceStore } from '@mica-audit/server';

/** The option every command that reads or writes evidence content shares: which store holds it. */
export const EVIDENCE_STORE_OPTIONS = { 'evidence-store': { type: 'string' } } as const;

export const EVIDENCE_STORE_OPTION_HELP = [
  '--evidence-store S   local (files under the data directory, the default) or s3 (MICA_AUDIT_S3_BUCKET,',
  '                     _ENDPOINT, _REGION, _PREFIX, _FORCE_PATH_STYLE, _ACCESS_KEY_ID, _SECRET_ACCESS_KEY or',
  '                     AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY); default $MICA_AUDIT_EVIDENCE_STORE or local',
] as const;

/** The --evidence-store value, when given. */
export function evidenceStoreKind(values: Record<string, unknown>): string | undefined {
  const kind = values['evidence-store'];
  return typeof kind === 'string' ? kind : undefined;
}

/** Opens the evidence store the options and environment name, for a command that works without the server. */
export async function openCommandStore(
  values: Record<string, unknown>,
  dataDir: string,
): Promise<EvidenceStore> {
  const { evidenceStoreSettings, openEvidenceStore } = await import('@mica-audit/server');
  return openEvidenceStore(evidenceStoreSettings({ kind: evidenceStoreKind(values), dataDir }));
}
