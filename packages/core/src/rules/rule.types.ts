import type { FactName } from '../profile/facts.ts';
import type { IssuanceRole, LegalStatus, MemberState, ServiceKey } from '../profile/vocabulary.ts';

export type CompareOp = '>=' | '>' | '<=' | '<' | '==' | '!=';

/** A parsed, type-checked applicability rule. Parsed once when a catalogue loads, evaluated per profile. */
export type Rule =
  | { readonly kind: 'const'; readonly value: boolean }
  | { readonly kind: 'and'; readonly items: readonly Rule[] }
  | { readonly kind: 'or'; readonly items: readonly Rule[] }
  | { readonly kind: 'not'; readonly item: Rule }
  | { readonly kind: 'service'; readonly values: readonly ServiceKey[] }
  | { readonly kind: 'issuance'; readonly values: readonly IssuanceRole[] }
  | { readonly kind: 'legalStatus'; readonly negated: boolean; readonly values: readonly LegalStatus[] }
  | { readonly kind: 'memberState'; readonly negated: boolean; readonly values: readonly MemberState[] }
  | { readonly kind: 'factFlag'; readonly fact: FactName }
  | { readonly kind: 'factCompare'; readonly fact: FactName; readonly op: CompareOp; readonly value: number };

/** A sentence in every language the product speaks. */
export interface Text {
  readonly en: string;
  readonly fr: string;
}

export type Lang = keyof Text;
