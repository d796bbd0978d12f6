/** The demo engagement, loaded once per test file (the catalogue load dominates). */
import { execFileSync } from 'node:child_process';
import type { Catalogue } from '@mica-audit/core';
import { demoSnapshot } from '../src/demo/demo-snapshot.ts';
import { buildModel, type ReportModel } from '../src/model/build-model.ts';
import { bundledCatalogue } from '../src/render.ts';
import type { EngagementSnapshot } from '../src/snapshot.schema.ts';

export interface Demo {
  readonly catalogue: Catalogue;
  readonly snapshot: EngagementSnapshot;
  readonly model: ReportModel;
}

let cached: Promise<Demo> | undefined;

export function demo(): Promise<Demo> {
  cached ??= bundledCatalogue().then((catalogue) => {
    const snapshot = demoSnapshot(catalogue);
    return { catalogue, snapshot, model: buildModel(snapshot, catalogue) };
  });
  return cached;
}

/** True when a command-line tool is installed (poppler's pdftotext for the text-layer tests). */
export function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
