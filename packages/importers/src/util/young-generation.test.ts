import { describe, expect, it } from 'vitest';
import { withYoungGenerationHeld, youngGenerationHolders } from './young-generation.ts';

describe('holding the young generation while a large file is parsed', () => {
  it('lets go when the last of several concurrent parses ends, whether it succeeds or fails', async () => {
    expect(youngGenerationHolders()).toBe(0);
    let release = (): void => undefined;
    const slow = withYoungGenerationHeld(
      () => new Promise<string>((resolve) => (release = () => resolve('a'))),
    );
    const failing = withYoungGenerationHeld(() => {
      expect(youngGenerationHolders()).toBe(2);
      return Promise.reject(new Error('malformed'));
    });
    await expect(failing).rejects.toThrow('malformed');
    expect(youngGenerationHolders()).toBe(1);
    release();
    await expect(slow).resolves.toBe('a');
    expect(youngGenerationHolders()).toBe(0);
  });
});
