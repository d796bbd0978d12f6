import { expect, it } from 'vitest';
import { exportSnapshotJson, importSnapshotJson } from '../src/json/snapshot-json.ts';
import { formatContract } from './format-contract.case.ts';
import { demo } from './fixtures.ts';

formatContract('json', (rendered) => {
  it('reads back identically: import(export(s)) equals s, and exporting again gives the same bytes', async () => {
    const { snapshot } = await demo();
    const back = importSnapshotJson(rendered().en.toString('utf8'));
    expect(back).toEqual(snapshot);
    expect(exportSnapshotJson(back)).toBe(rendered().en.toString('utf8'));
  });

  it('is the same in both languages: the snapshot holds both', () => {
    expect(rendered().fr.equals(rendered().en)).toBe(true);
  });

  it('rejects a broken file with a code and the path of the problem', () => {
    expect(() => importSnapshotJson('{')).toThrow(expect.objectContaining({ code: 'report.invalid_json' }));
    const text = rendered()
      .en.toString('utf8')
      .replace('"reportDate": "2026-11-13"', '"reportDate": "13/11/2026"');
    expect(() => importSnapshotJson(text)).toThrow(/engagement\.reportDate/);
  });
});
