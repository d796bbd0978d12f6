import type { Asset, AssetKind } from './finding.ts';

/** The origin of a URL (`https://host:port`), lower-cased; the raw text when it is not a URL. */
export function urlOrigin(url: string): string {
  try {
    return new URL(url.trim()).origin.toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

/** Host names compare case-insensitively and without a trailing dot. */
export function hostKey(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

export function newAsset(
  kind: AssetKind,
  key: string,
  name: string = key,
  details: Asset['details'] = {},
): Asset {
  return { kind, key, name, details };
}

/** Keeps the first asset per kind + key, merging details of later ones; an asset without a key names nothing. */
export function uniqueAssets(assets: readonly Asset[]): Asset[] {
  const byKey = new Map<string, Asset>();
  for (const a of assets) {
    if (a.key.trim() === '') continue;
    const id = `${a.kind}\u0000${a.key}`;
    const prev = byKey.get(id);
    byKey.set(id, prev === undefined ? a : { ...prev, details: { ...a.details, ...prev.details } });
  }
  return [...byKey.values()];
}
