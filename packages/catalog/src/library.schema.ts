import { z } from 'zod';

/**
 * The catalogue file formats (see ../FORMAT.md). These schemas are the authority; the JSON Schemas in ../schema are
 * generated from them. Referential checks (parents, ids, rules, mappings) come after, in validate-catalogue.ts.
 */
const URN = /^urn:[a-z0-9][a-z0-9:._-]*$/;
const ID = /^[a-z0-9][a-z0-9._-]*$/;

export const urnSchema = z
  .string()
  .regex(URN, 'must be a lowercase ASCII urn: "urn:" then letters a-z, digits and : . _ - only');
const idSchema = z.string().regex(ID, 'must be lowercase ASCII: letters a-z, digits and . _ - only');
const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

export const actSchema = z.strictObject({
  id: idSchema,
  kind: z.enum([
    'rts',
    'its',
    'delegated',
    'implementing',
    'guidelines',
    'qa',
    'regulation',
    'directive',
    'other',
  ]),
  title: text,
  celex: z
    .string()
    .regex(/^[0-9]{5}[A-Z][0-9]{4}(?:\([0-9]+\))?$/, 'must be a CELEX number such as 32025R0305')
    .optional(),
  reference: text.optional(),
  eli: z.url().optional(),
});

export const libraryFileSchema = z.strictObject({
  urn: urnSchema,
  id: idSchema,
  name: text,
  version: z.string().regex(/^[0-9]+\.[0-9]+\.[0-9]+$/, 'must be a semantic version such as 1.0.0'),
  publicationDate: isoDate,
  description: text.optional(),
  regulation: z.strictObject({
    shortName: text,
    title: text,
    celex: z
      .string()
      .regex(/^[0-9]{5}[A-Z][0-9]{4}$/, 'must be a CELEX number such as 32023R1114')
      .optional(),
    eli: z.url().optional(),
  }),
  languages: z.array(z.enum(['en', 'fr'])).min(1),
  applicability: text.optional(),
  translations: z
    .strictObject({ fr: z.strictObject({ name: text, description: text.optional() }) })
    .optional(),
  acts: z.array(actSchema).default([]),
  /** Present on libraries converted from another format: their editorial content (evidence, questions, domains,
   * French) may be incomplete, so its absence is not a validation error. */
  imported: z
    .strictObject({
      format: z.enum(['ciso-assistant', 'oscal-catalog']),
      source: text,
      copyright: text.optional(),
    })
    .optional(),
});

export const sourceSchema = z.strictObject({
  regulation: text,
  article: text,
  paragraph: text.optional(),
  point: text.optional(),
  subparagraph: text.optional(),
});

const localized = z.strictObject({ en: text, fr: text });

export const nodeSchema = z.strictObject({
  urn: urnSchema,
  parent: urnSchema.optional(),
  ref: text,
  title: text,
  statement: text.optional(),
  assessable: z.boolean(),
  source: sourceSchema.optional(),
  level2: z
    .array(z.strictObject({ act: idSchema, article: text.optional(), note: text.optional() }))
    .default([]),
  applicability: text.optional(),
  exemptions: z.array(z.strictObject({ when: text, reason: localized })).default([]),
  evidence: z.array(text).default([]),
  questions: z.array(text).max(3, 'at most 3 assessment questions').default([]),
  domains: z.array(idSchema).default([]),
  translations: z
    .strictObject({
      fr: z.strictObject({
        title: text,
        statement: text.optional(),
        evidence: z.array(text).optional(),
        questions: z.array(text).optional(),
      }),
    })
    .optional(),
});

export const nodeFileSchema = z.strictObject({
  acts: z.array(actSchema).default([]),
  nodes: z.array(nodeSchema).default([]),
});

export const mappingFileSchema = z.strictObject({
  urn: urnSchema,
  source: urnSchema,
  target: urnSchema,
  version: z.string().regex(/^[0-9]+\.[0-9]+\.[0-9]+$/, 'must be a semantic version such as 1.0.0'),
  mappings: z.array(
    z.strictObject({
      from: urnSchema,
      to: urnSchema,
      relation: z.enum(['equal', 'subset', 'superset', 'intersect']),
      rationale: text,
    }),
  ),
});

export const domainsFileSchema = z.strictObject({
  domains: z.array(z.strictObject({ id: idSchema, en: text, fr: text })).min(1),
});

export type LibraryFile = z.output<typeof libraryFileSchema>;
export type NodeFile = z.output<typeof nodeFileSchema>;
export type NodeEntry = z.output<typeof nodeSchema>;
export type MappingFile = z.output<typeof mappingFileSchema>;
export type DomainsFile = z.output<typeof domainsFileSchema>;
