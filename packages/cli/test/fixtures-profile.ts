import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes a profile file to a fresh temp folder and returns its path. */
export function profileFile(content: string, name = 'profile.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'mica-audit-profile-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
