import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { importError } from '../errors.ts';
import { AUDIT_TYPES, SEVERITIES } from '../finding.ts';

const LOCATION_KINDS = ['file', 'url', 'host', 'cloud', 'contract', 'package', 'none'] as const;

const URN = /^urn:mica-audit:[a-z0-9-]+(?::[a-z0-9-]+)*$/;

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));

const matchSchema = z
  .strictObject({
    auditType: oneOrMany(z.enum(AUDIT_TYPES)).optional(),
    tool: oneOrMany(z.string().min(1)).optional(),
    cwe: oneOrMany(z.number().int().positive()).optional(),
    cweGroup: oneOrMany(z.string().min(1)).optional(),
    category: oneOrMany(z.string().min(1)).optional(),
    ruleId: oneOrMany(
      z.string().refine((p) => {
        try {
          new RegExp(p, 'i');
          return true;
        } catch {
          return false;
        }
      }, 'not a valid regular expression'),
    ).optional(),
    severity: oneOrMany(z.enum(SEVERITIES)).optional(),
    location: oneOrMany(z.enum(LOCATION_KINDS)).optional(),
  })
  .refine((m) => Object.values(m).some((v) => v !== undefined), 'a rule needs at least one criterion');

const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  description: z.string().min(1),
  match: matchSchema,
  requirements: z
    .array(z.string().regex(URN, 'a requirement URN such as urn:mica-audit:dora:art-9:2'))
    .min(1),
});

const tableSchema = z.strictObject({
  version: z.literal(1),
  cweGroups: z
    .record(z.string().regex(/^[a-z0-9-]+$/), z.array(z.number().int().positive()).min(1))
    .default({}),
  rules: z.array(ruleSchema).min(1),
});

export type MappingTable = z.infer<typeof tableSchema>;
export type MappingRuleInput = z.infer<typeof ruleSchema>;

/** A rule ready to match: CWE groups expanded, patterns compiled. */
export interface MappingRule {
  readonly id: string;
  readonly description: string;
  readonly auditType?: readonly string[];
  readonly tool?: readonly string[];
  readonly cwe?: ReadonlySet<number>;
  readonly category?: readonly string[];
  readonly ruleId?: readonly RegExp[];
  readonly severity?: readonly string[];
  readonly location?: readonly string[];
  readonly requirements: readonly string[];
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, k) => (typeof p === 'number' ? `[${p}]` : `${k === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** Validates a parsed mapping document; the error names the rule index and field (`rules[3].match.cwe[0]: …`). */
export function parseMappingTable(doc: unknown, source = 'mapping-rules.yaml'): MappingRule[] {
  const parsed = tableSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '(root)' : formatPath(issue.path) || '(root)';
    throw importError(
      'import.mapping_invalid',
      `${source}: ${where}: ${issue?.message ?? 'invalid'}. Fix the rule and load the table again.`,
      { path: where, details: parsed.error.issues },
    );
  }
  const { cweGroups, rules } = parsed.data;
  return rules.map((rule, index) => {
    const m = rule.match;
    const cwe = new Set<number>(m.cwe ?? []);
    for (const g of m.cweGroup ?? []) {
      const members = cweGroups[g];
      if (members === undefined) {
        throw importError(
          'import.mapping_invalid',
          `${source}: rules[${index}].match.cweGroup: unknown group "${g}".`,
          {
            path: `rules[${index}].match.cweGroup`,
          },
        );
      }
      for (const c of members) cwe.add(c);
    }
    return {
      id: rule.id,
      description: rule.description,
      ...(m.auditType === undefined ? {} : { auditType: m.auditType }),
      ...(m.tool === undefined ? {} : { tool: m.tool.map((t) => t.toLowerCase()) }),
      ...(cwe.size === 0 ? {} : { cwe }),
      ...(m.category === undefined ? {} : { category: m.category }),
      ...(m.ruleId === undefined ? {} : { ruleId: m.ruleId.map((p) => new RegExp(p, 'i')) }),
      ...(m.severity === undefined ? {} : { severity: m.severity }),
      ...(m.location === undefined ? {} : { location: m.location }),
      requirements: rule.requirements,
    };
  });
}

export const DEFAULT_MAPPING_PATH = new URL('../../mapping-rules.yaml', import.meta.url);

/** Reads and validates a mapping table (the shipped one by default). */
export async function loadMappingRules(path: string | URL = DEFAULT_MAPPING_PATH): Promise<MappingRule[]> {
  const text = await readFile(path, 'utf8');
  let doc: unknown;
  try {
    doc = parseYaml(text) as unknown;
  } catch (cause) {
    throw importError('import.mapping_invalid', `${String(path)}: not valid YAML: ${String(cause)}`, {
      cause,
    });
  }
  return parseMappingTable(doc, String(path));
}

/** Requirement URNs the table targets that the catalogue does not know (empty when all resolve). */
export function validateMappingTargets(
  rules: readonly MappingRule[],
  knownUrns: ReadonlySet<string>,
): string[] {
  const unknown = new Set<string>();
  for (const r of rules) for (const urn of r.requirements) if (!knownUrns.has(urn)) unknown.add(urn);
  return [...unknown].sort();
}
