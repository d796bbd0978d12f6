/** Keyword categories that the mapping table matches on; parsers add what they know, this infers the rest. */
export const CATEGORY_KEYWORDS: readonly (readonly [string, RegExp])[] = [
  [
    'secret',
    /\b(secret|password|passwd|credential|api[-_ ]?key|private[-_ ]?key|access[-_ ]?key|token|leak)/i,
  ],
  [
    'injection',
    /(injection|sqli\b|\bsql\b|xss|cross[- ]site scripting|command exec|\brce\b|deserializ|xxe|ssti|path traversal)/i,
  ],
  ['tls', /\b(tls|ssl|cipher|certificate|x509|hsts|heartbleed|poodle|beast|sweet32|robot)\b/i],
  [
    'access-control',
    /(access control|authori[sz]ation|permission|privilege|\biam\b|\bmfa\b|authentication|default[- ]login|brute ?force)/i,
  ],
  [
    'misconfiguration',
    /(misconfig|configuration|hardening|dockerfile|kubernetes|terraform|security header|cookie)/i,
  ],
  ['exposure', /(exposed|exposure|open port|disclosure|directory listing|public(ly)? (access|read))/i],
  ['cryptography', /(weak (hash|crypto|random)|\bmd5\b|\bsha1\b|insecure random|hard-?coded (key|iv|salt))/i],
];

/** Categories inferred from free text (rule id, title, tags); `known` comes first and is kept. */
export function inferCategories(
  known: readonly string[],
  ...texts: readonly (string | undefined)[]
): string[] {
  const out = new Set(known);
  const hay = texts.filter((t): t is string => t !== undefined).join(' \n ');
  for (const [name, re] of CATEGORY_KEYWORDS) if (re.test(hay)) out.add(name);
  return [...out];
}

/** Shows enough of a secret to recognise it, never the whole value. */
export function redactSecret(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^(REDACTED|\*+)$/i.test(value)) return value;
  const keep = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, keep)}${'*'.repeat(Math.max(4, Math.min(12, value.length - keep)))}`;
}
