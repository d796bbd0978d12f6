import { FACT_LABELS } from '../profile/fact-labels.ts';
import type { Profile } from '../profile/profile.schema.ts';
import {
  ISSUANCE_LABELS,
  ISSUANCE_ROLES,
  LEGAL_STATUS_LABELS,
  SERVICE_KEYS,
  SERVICES,
  type IssuanceRole,
  type MemberState,
  type ServiceKey,
} from '../profile/vocabulary.ts';
import type { CompareOp, Rule, Text } from './rule.types.ts';
import { de, enumeration, NBSP, neither, NNBSP, series } from './wording.ts';

/*
 * Sentences describing what a predicate found in the profile: true under negation as well, since they state facts.
 * Services, roles and statuses are named in words, never by their profile key.
 */

const NUMBER_EN = new Intl.NumberFormat('en-GB');
const NUMBER_FR = new Intl.NumberFormat('fr-FR');
const REGION_EN = new Intl.DisplayNames(['en'], { type: 'region' });
const REGION_FR = new Intl.DisplayNames(['fr'], { type: 'region' });

/** The threshold of a comparison in words, as in "condition: at least 15,000,000". */
const THRESHOLD_TEXT: Record<CompareOp, Text> = {
  '>=': { en: 'at least', fr: 'au moins' },
  '>': { en: 'more than', fr: 'plus de' },
  '<=': { en: 'at most', fr: 'au plus' },
  '<': { en: 'less than', fr: 'moins de' },
  '==': { en: 'exactly', fr: 'exactement' },
  '!=': { en: 'other than', fr: 'autre que' },
};

/** "label: value"; in French "label : value", with the no-break space French puts before a colon. */
function labelled(label: Text, value: Text): Text {
  return { en: `${label.en}: ${value.en}`, fr: `${label.fr}${NBSP}: ${value.fr}` };
}

function inOrder<K extends string>(order: readonly K[], keys: readonly K[]): K[] {
  return order.filter((key) => keys.includes(key));
}

/** Where MiCA defines the services: "MiCA Art. 3(1)(16), points a and j". */
function serviceCitation(keys: readonly ServiceKey[]): Text {
  const points = keys.map((key) => SERVICES[key].point);
  return {
    en: `MiCA Art. 3(1)(16), ${points.length > 1 ? 'points' : 'point'} ${series(points, 'and')}`,
    fr: `MiCA, art. 3, par. 1, point 16, ${series(points, 'et')}`,
  };
}

function describeServices(values: readonly ServiceKey[], profile: Profile, holds: boolean): Text {
  const keys = inOrder(SERVICE_KEYS, holds ? values.filter((key) => profile.services.includes(key)) : values);
  if (!holds && keys.length === SERVICE_KEYS.length) {
    return {
      en: 'provides no crypto-asset service (MiCA Art. 3(1)(16))',
      fr: `ne fournit aucun service sur crypto-actifs (MiCA, art. 3, par. 1, point 16)`,
    };
  }
  const cite = serviceCitation(keys);
  const en = keys.map((key) => SERVICES[key].en);
  const fr = keys.map((key) => SERVICES[key].fr);
  const names = { en: `${enumeration(en, 'en')} (${cite.en})`, fr: `${enumeration(fr, 'fr')} (${cite.fr})` };
  const one = keys.length === 1;
  if (holds) {
    return labelled(
      one
        ? { en: 'service provided', fr: 'service fourni' }
        : { en: 'services provided', fr: 'services fournis' },
      names,
    );
  }
  return labelled(
    one
      ? { en: 'service not provided', fr: 'service non fourni' }
      : { en: 'provides none of these services', fr: 'ne fournit aucun des services suivants' },
    names,
  );
}

function describeIssuance(values: readonly IssuanceRole[], profile: Profile, holds: boolean): Text {
  const held = holds ? values.filter((role) => profile.issuance.includes(role)) : values;
  const roles = inOrder(ISSUANCE_ROLES, held);
  const en = roles.map((role) => `as ${ISSUANCE_LABELS[role].en}`);
  const fr = roles.map((role) => de(ISSUANCE_LABELS[role].fr));
  if (holds) return { en: `acts ${series(en, 'and')}`, fr: `agit en qualité ${series(fr, 'et')}` };
  if (roles.length === 1) {
    return { en: `does not act ${en.join('')}`, fr: `n'agit pas en qualité ${fr.join('')}` };
  }
  return { en: `acts neither ${neither(en, 'nor')}`, fr: `n'agit en qualité ni ${neither(fr, 'ni')}` };
}

function memberState(state: MemberState): Text {
  return {
    en: `${REGION_EN.of(state) ?? state} (${state})`,
    fr: `${REGION_FR.of(state) ?? state} (${state})`,
  };
}

/** Describes the profile's state for one predicate; `holds` is whether the predicate is true. */
export function describePredicate(rule: Rule, profile: Profile, holds: boolean): Text {
  switch (rule.kind) {
    case 'service':
      return describeServices(rule.values, profile, holds);
    case 'issuance':
      return describeIssuance(rule.values, profile, holds);
    case 'legalStatus':
      return labelled(
        { en: 'legal status', fr: 'statut juridique' },
        LEGAL_STATUS_LABELS[profile.legalStatus],
      );
    case 'memberState':
      return labelled(
        { en: 'home member state', fr: "État membre d'origine" },
        memberState(profile.memberState),
      );
    case 'factFlag': {
      const value = profile.facts[rule.fact];
      const label = FACT_LABELS[rule.fact];
      if (value === undefined) {
        return labelled(label, {
          en: `not given (facts.${rule.fact}; treated as no)`,
          fr: `donnée absente du profil (facts.${rule.fact}${NNBSP}; traitée comme «${NBSP}non${NBSP}»)`,
        });
      }
      return labelled(label, value === true ? { en: 'yes', fr: 'oui' } : { en: 'no', fr: 'non' });
    }
    case 'factCompare': {
      const value = profile.facts[rule.fact];
      const label = FACT_LABELS[rule.fact];
      const condition = {
        en: `condition: ${THRESHOLD_TEXT[rule.op].en} ${NUMBER_EN.format(rule.value)}`,
        fr: `condition${NBSP}: ${THRESHOLD_TEXT[rule.op].fr} ${NUMBER_FR.format(rule.value)}`,
      };
      if (typeof value !== 'number') {
        return labelled(label, {
          en: `not given (facts.${rule.fact}; ${condition.en}, treated as not met)`,
          fr: `donnée absente du profil (facts.${rule.fact}${NNBSP}; ${condition.fr}, considérée comme non remplie)`,
        });
      }
      return labelled(label, {
        en: `${NUMBER_EN.format(value)} (${condition.en}, ${holds ? 'met' : 'not met'})`,
        fr: `${NUMBER_FR.format(value)} (${condition.fr}, ${holds ? 'remplie' : 'non remplie'})`,
      });
    }
    case 'const':
      return holds
        ? { en: 'always applies', fr: "s'applique toujours" }
        : { en: 'never applies', fr: "ne s'applique jamais" };
    case 'and':
    case 'or':
    case 'not':
      throw new Error('describePredicate takes predicates only');
  }
}
