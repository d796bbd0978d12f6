import { describe, expect, it } from 'vitest';
import { catalogFixture, runCli } from '../../test/run-cli.ts';

const demo = catalogFixture('ok');
const show = (lang: string) =>
  runCli('catalog', 'show', 'urn:mica-audit:demo:art-71:1', '--catalog', demo, '--lang', lang);

describe('catalog show', () => {
  it('heads the French sections with a no-break space before the colon', async () => {
    const { code, stdout } = await show('fr');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines).toContain('Éléments probants attendus\u00a0:');
    expect(lines).toContain("Questions d'évaluation\u00a0:");
    expect(lines).toContain('Correspondances\u00a0:');
    expect(lines).toContain('  - Procédure de réclamation');
  });

  it('heads the English sections without one', async () => {
    const { code, stdout } = await show('en');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining(['Expected evidence:', 'Assessment questions:', 'Mapped requirements:']),
    );
    expect(stdout).not.toMatch(/[\u00a0\u202f][:;?!]/);
  });
});
