import { FACT_LABELS } from '../profile/fact-labels.ts';
import type { Profile } from '../profile/profile.schema.ts';
import { ISSUANCE_LABELS, LEGAL_STATUS_LABELS, SERVICES, type ServiceKey } from '../profile/vocabulary.ts';
import type { CompareOp, Rule, Text } from './rule.types.ts';

/** Sentences describing what a predicate found in the profile: true under negation as well, since they state facts. */
function services(keys: readonly ServiceKey[]): Text {
  const points = keys.map((key) => SERVICES[key].point).join(', ');
  return {
    en: `${keys.join(', ')} (MiCA Art. 3(1)(16), point ${points})`,
    fr: `${keys.join(', ')} (MiCA, art. 3, par. 1, point 16, ${points})`,
  };
}

const NUMBER_EN = new Intl.NumberFormat('en-GB');
const NUMBER_FR = new Intl.NumberFormat('fr-FR');

const OP_TEXT: Record<CompareOp, Text> = {
  '>=': { en: 'at least', fr: 'au moins' },
  '>': { en: 'above', fr: 'supérieur à' },
  '<=': { en: 'at most', fr: 'au plus' },
  '<': { en: 'below', fr: 'inférieur à' },
  '==': { en: 'equal to', fr: 'égal à' },
  '!=': { en: 'other than', fr: 'différent de' },
};

/** Describes the profile's state for one predicate; `holds` is whether the predicate is true. */
export function describePredicate(rule: Rule, profile: Profile, holds: boolean): Text {
  switch (rule.kind) {
    case 'service': {
      const matched = rule.values.filter((key) => profile.services.includes(key));
      if (holds) {
        const text = services(matched);
        return { en: `provides ${text.en}`, fr: `fournit le service ${text.fr}` };
      }
      const text = services(rule.values);
      return { en: `provides none of ${text.en}`, fr: `ne fournit aucun des services ${text.fr}` };
    }
    case 'issuance': {
      const roles = (holds ? rule.values.filter((r) => profile.issuance.includes(r)) : rule.values).map(
        (r) => ISSUANCE_LABELS[r],
      );
      const en = roles.map((r) => r.en).join(' / ');
      const fr = roles.map((r) => r.fr).join(' / ');
      return holds
        ? { en: `acts as ${en}`, fr: `agit en qualité de ${fr}` }
        : { en: `does not act as ${en}`, fr: `n'agit pas en qualité de ${fr}` };
    }
    case 'legalStatus': {
      const label = LEGAL_STATUS_LABELS[profile.legalStatus];
      return { en: `legal status: ${label.en}`, fr: `statut juridique : ${label.fr}` };
    }
    case 'memberState':
      return {
        en: `home member state: ${profile.memberState}`,
        fr: `État membre d'origine : ${profile.memberState}`,
      };
    case 'factFlag': {
      const value = profile.facts[rule.fact];
      const label = FACT_LABELS[rule.fact];
      if (value === undefined) {
        return {
          en: `${label.en}: not given (facts.${rule.fact}; treated as no)`,
          fr: `${label.fr} : non renseigné (facts.${rule.fact} ; considéré comme non)`,
        };
      }
      return value === true
        ? { en: `${label.en}: yes`, fr: `${label.fr} : oui` }
        : { en: `${label.en}: no`, fr: `${label.fr} : non` };
    }
    case 'factCompare': {
      const value = profile.facts[rule.fact];
      const label = FACT_LABELS[rule.fact];
      const threshold = {
        en: `${OP_TEXT[rule.op].en} ${NUMBER_EN.format(rule.value)}`,
        fr: `${OP_TEXT[rule.op].fr} ${NUMBER_FR.format(rule.value)}`,
      };
      if (typeof value !== 'number') {
        return {
          en: `${label.en}: not given (facts.${rule.fact}; threshold ${threshold.en})`,
          fr: `${label.fr} : non renseigné (facts.${rule.fact} ; seuil : ${threshold.fr})`,
        };
      }
      return holds
        ? {
            en: `${label.en}: ${NUMBER_EN.format(value)}, ${threshold.en}`,
            fr: `${label.fr} : ${NUMBER_FR.format(value)}, ${threshold.fr}`,
          }
        : {
            en: `${label.en}: ${NUMBER_EN.format(value)}, not ${threshold.en}`,
            fr: `${label.fr} : ${NUMBER_FR.format(value)}, pas ${threshold.fr}`,
          };
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
