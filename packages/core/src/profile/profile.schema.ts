import { z } from 'zod';
import { FACTS, isFactName, type FactName } from './facts.ts';
import {
  ISSUANCE_ROLES,
  LEGAL_STATUSES,
  MEMBER_STATES,
  SERVICE_KEYS,
  type IssuanceRole,
  type LegalStatus,
  type MemberState,
  type ServiceKey,
} from './vocabulary.ts';

function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `required: give a ${what} (one of ${values.join(', ')})`
        : `unknown ${what} ${JSON.stringify(issue.input)}; valid values: ${values.join(', ')}`,
  });
}

function uniqueList<T extends z.ZodType<string>>(item: T, what: string) {
  return z.array(item).superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((value, index) => {
      if (seen.has(value)) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `${what} ${JSON.stringify(value)} is listed twice`,
        });
      }
      seen.add(value);
    });
  });
}

const factsSchema = z.record(z.string(), z.unknown()).superRefine((facts, ctx) => {
  for (const [name, value] of Object.entries(facts)) {
    if (!isFactName(name)) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `unknown fact; valid facts: ${Object.keys(FACTS).join(', ')}`,
      });
      continue;
    }
    const expected = FACTS[name].type;
    if (expected === 'number' && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `must be a non-negative number (${FACTS[name].description})`,
      });
    }
    if (expected === 'boolean' && typeof value !== 'boolean') {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `must be true or false (${FACTS[name].description})`,
      });
    }
  }
});

/** The entity profile of PRODUCT.md, validated with errors that name the field and list the valid values. */
export const profileSchema = z
  .strictObject(
    {
      name: z.string({ error: 'required: the legal name of the entity' }).trim().min(1, 'must not be empty'),
      memberState: z
        .string({ error: `required: the home member state, one of ${MEMBER_STATES.join(', ')}` })
        .refine((v): v is MemberState => (MEMBER_STATES as readonly string[]).includes(v), {
          error: (issue) =>
            `unknown member state ${JSON.stringify(issue.input)}; use an ISO 3166-1 alpha-2 code of an EU or EEA state: ${MEMBER_STATES.join(', ')}`,
        }),
      legalStatus: oneOf(LEGAL_STATUSES, 'legal status'),
      services: uniqueList(oneOf(SERVICE_KEYS, 'service key'), 'service').default([]),
      issuance: uniqueList(oneOf(ISSUANCE_ROLES, 'issuance role'), 'issuance role').default([]),
      facts: factsSchema.default({}),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown field(s) ${issue.keys.join(', ')}; valid fields: name, memberState, legalStatus, services, issuance, facts`
          : undefined,
    },
  )
  .superRefine((profile, ctx) => {
    // MiCA Art. 48(1)(a): only credit institutions and e-money institutions may issue e-money tokens.
    if (
      profile.issuance.includes('emt') &&
      profile.legalStatus !== 'credit-institution' &&
      profile.legalStatus !== 'emi'
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['issuance'],
        message: `"emt" requires legalStatus credit-institution or emi (MiCA Art. 48(1)(a)); legalStatus is ${JSON.stringify(profile.legalStatus)}`,
      });
    }
    if (profile.legalStatus === 'none' && profile.services.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['services'],
        message:
          'crypto-asset services need legalStatus casp (authorisation, MiCA Art. 59) or a financial-entity status notifying under Art. 60; legalStatus is "none"',
      });
    }
  });

export interface Profile {
  readonly name: string;
  readonly memberState: MemberState;
  readonly legalStatus: LegalStatus;
  readonly services: readonly ServiceKey[];
  readonly issuance: readonly IssuanceRole[];
  readonly facts: Readonly<Partial<Record<FactName, boolean | number>>>;
}

/** The profile input before defaults: what a YAML or JSON file holds. */
export type ProfileInput = z.input<typeof profileSchema>;
