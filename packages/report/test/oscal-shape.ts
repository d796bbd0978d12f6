/**
 * A structural check of OSCAL 1.1 documents, written from the OSCAL 1.1 model (assessment-results and POA&M): the
 * required fields at each path, the allowed keys, and the formats of uuids, dates and enumerations. Pending the
 * official NIST JSON schema, which is not available here; the same rules are checked against NIST's own examples.
 */
type Json = Record<string, unknown>;

interface Rule {
  readonly required: readonly string[];
  readonly allowed: readonly string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const DATETIME_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const TOKEN = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;

const META: Rule = {
  required: ['title', 'last-modified', 'version', 'oscal-version'],
  allowed: [
    'title',
    'published',
    'last-modified',
    'version',
    'oscal-version',
    'revisions',
    'document-ids',
    'props',
    'links',
    'roles',
    'locations',
    'parties',
    'responsible-parties',
    'actions',
    'remarks',
  ],
};
const OBSERVATION: Rule = {
  required: ['uuid', 'description', 'methods', 'collected'],
  allowed: [
    'uuid',
    'title',
    'description',
    'props',
    'links',
    'methods',
    'types',
    'origins',
    'subjects',
    'relevant-evidence',
    'collected',
    'expires',
    'remarks',
  ],
};
const RISK: Rule = {
  required: ['uuid', 'title', 'description', 'statement', 'status'],
  allowed: [
    'uuid',
    'title',
    'description',
    'statement',
    'props',
    'links',
    'status',
    'origins',
    'threat-ids',
    'characterizations',
    'mitigating-factors',
    'deadline',
    'remediations',
    'risk-log',
    'related-observations',
  ],
};
const FINDING: Rule = {
  required: ['uuid', 'title', 'description', 'target'],
  allowed: [
    'uuid',
    'title',
    'description',
    'props',
    'links',
    'origins',
    'target',
    'implementation-statement-uuid',
    'related-observations',
    'related-risks',
    'remarks',
  ],
};

export const RULES: Readonly<Record<string, Rule>> = {
  'assessment-results': {
    required: ['uuid', 'metadata', 'import-ap', 'results'],
    allowed: ['uuid', 'metadata', 'import-ap', 'local-definitions', 'results', 'back-matter'],
  },
  'assessment-results.metadata': META,
  'assessment-results.import-ap': { required: ['href'], allowed: ['href', 'remarks'] },
  'assessment-results.results[]': {
    required: ['uuid', 'title', 'description', 'start', 'reviewed-controls'],
    allowed: [
      'uuid',
      'title',
      'description',
      'start',
      'end',
      'props',
      'links',
      'local-definitions',
      'reviewed-controls',
      'attestations',
      'assessment-log',
      'observations',
      'risks',
      'findings',
      'remarks',
    ],
  },
  'assessment-results.results[].reviewed-controls': {
    required: ['control-selections'],
    allowed: [
      'description',
      'props',
      'links',
      'control-selections',
      'control-objective-selections',
      'remarks',
    ],
  },
  'assessment-results.results[].observations[]': OBSERVATION,
  'assessment-results.results[].risks[]': RISK,
  'assessment-results.results[].findings[]': FINDING,
  'assessment-results.results[].findings[].target': {
    required: ['type', 'target-id', 'status'],
    allowed: [
      'type',
      'target-id',
      'title',
      'description',
      'props',
      'links',
      'status',
      'implementation-status',
      'remarks',
    ],
  },
  'plan-of-action-and-milestones': {
    required: ['uuid', 'metadata', 'poam-items'],
    allowed: [
      'uuid',
      'metadata',
      'import-ssp',
      'system-id',
      'local-definitions',
      'observations',
      'risks',
      'findings',
      'poam-items',
      'back-matter',
    ],
  },
  'plan-of-action-and-milestones.metadata': META,
  'plan-of-action-and-milestones.system-id': { required: ['id'], allowed: ['identifier-type', 'id'] },
  'plan-of-action-and-milestones.observations[]': OBSERVATION,
  'plan-of-action-and-milestones.risks[]': RISK,
  'plan-of-action-and-milestones.risks[].remediations[]': {
    required: ['uuid', 'lifecycle', 'title', 'description'],
    allowed: [
      'uuid',
      'lifecycle',
      'title',
      'description',
      'props',
      'links',
      'origins',
      'required-assets',
      'tasks',
      'remarks',
    ],
  },
  'plan-of-action-and-milestones.poam-items[]': {
    required: ['title', 'description'],
    allowed: [
      'uuid',
      'title',
      'description',
      'props',
      'links',
      'origins',
      'related-findings',
      'related-observations',
      'related-risks',
      'remarks',
    ],
  },
};

const ENUMS: Readonly<Record<string, readonly string[]>> = {
  methods: ['EXAMINE', 'INTERVIEW', 'TEST', 'UNKNOWN'],
  'risk-status': [
    'open',
    'investigating',
    'remediating',
    'deviation-requested',
    'deviation-approved',
    'closed',
  ],
  'target-state': ['satisfied', 'not-satisfied'],
  'target-type': ['statement-id', 'objective-id'],
  lifecycle: ['recommendation', 'planned', 'completed', 'omitted'],
};

function at(doc: unknown, path: string): Json[] {
  let nodes: unknown[] = [doc];
  for (const raw of path.split('.')) {
    const list = raw.endsWith('[]');
    const key = list ? raw.slice(0, -2) : raw;
    nodes = nodes.flatMap((n) => {
      const v = (n as Json | undefined)?.[key];
      if (v === undefined) return [];
      return list ? (Array.isArray(v) ? (v as unknown[]) : []) : [v];
    });
  }
  return nodes as Json[];
}

/** Every problem found in `doc`, as `path: message`; empty when it has the required structure. */
export function oscalProblems(doc: unknown): string[] {
  const problems: string[] = [];
  for (const [path, rule] of Object.entries(RULES)) {
    for (const [i, node] of at(doc, path).entries()) {
      for (const key of rule.required) if (!(key in node)) problems.push(`${path}[${i}]: missing ${key}`);
      for (const key of Object.keys(node))
        if (!rule.allowed.includes(key)) problems.push(`${path}[${i}]: unknown field ${key}`);
    }
  }
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`));
    if (value === null || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value as Json)) {
      const here = `${path}.${key}`;
      if ((key === 'uuid' || key.endsWith('-uuid')) && typeof v === 'string' && !UUID.test(v))
        problems.push(`${here}: not a UUID`);
      if (
        ['last-modified', 'published', 'collected', 'start', 'end', 'deadline', 'expires'].includes(key) &&
        typeof v === 'string' &&
        !DATETIME_TZ.test(v)
      )
        problems.push(`${here}: not a date-time with time zone`);
      if (key === 'methods' && Array.isArray(v) && v.some((m) => !ENUMS.methods!.includes(String(m))))
        problems.push(`${here}: unknown method`);
      if (key === 'lifecycle' && !ENUMS.lifecycle!.includes(String(v)))
        problems.push(`${here}: unknown lifecycle`);
      if (key === 'control-id' && !TOKEN.test(String(v))) problems.push(`${here}: control-id is not a token`);
      if (key === 'name' && path.endsWith(']') && /\.props\[\d+\]$/.test(path) && !TOKEN.test(String(v)))
        problems.push(`${here}: prop name is not a token`);
      walk(v, here);
    }
  };
  walk(doc, '$');
  for (const risk of [
    ...at(doc, 'assessment-results.results[].risks[]'),
    ...at(doc, 'plan-of-action-and-milestones.risks[]'),
  ]) {
    if (!ENUMS['risk-status']!.includes(String(risk.status)))
      problems.push(`risk ${String(risk.uuid)}: unknown status ${String(risk.status)}`);
  }
  for (const target of at(doc, 'assessment-results.results[].findings[].target')) {
    if (!ENUMS['target-type']!.includes(String(target.type)))
      problems.push(`target: unknown type ${String(target.type)}`);
    if (!ENUMS['target-state']!.includes(String((target.status as Json).state)))
      problems.push('target: unknown state');
  }
  return problems;
}
