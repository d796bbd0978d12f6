/**
 * The fixed vocabularies of the entity profile: the crypto-asset services of MiCA Art. 3(1)(16), the legal
 * statuses under which they may be provided (Art. 59 authorisation or Art. 60 notification), and issuer roles.
 */
export const SERVICE_KEYS = [
  'custody',
  'trading-platform',
  'exchange-funds',
  'exchange-crypto',
  'execution',
  'placing',
  'reception-transmission',
  'advice',
  'portfolio-management',
  'transfer',
] as const;
export type ServiceKey = (typeof SERVICE_KEYS)[number];

export interface ServiceInfo {
  /** Point of MiCA Art. 3(1)(16) that defines the service. */
  readonly point: string;
  readonly en: string;
  readonly fr: string;
}

export const SERVICES: Readonly<Record<ServiceKey, ServiceInfo>> = {
  custody: {
    point: 'a',
    en: 'custody and administration of crypto-assets on behalf of clients',
    fr: 'conservation et administration de crypto-actifs pour le compte de clients',
  },
  'trading-platform': {
    point: 'b',
    en: 'operation of a trading platform for crypto-assets',
    fr: "exploitation d'une plateforme de négociation de crypto-actifs",
  },
  'exchange-funds': {
    point: 'c',
    en: 'exchange of crypto-assets for funds',
    fr: 'échange de crypto-actifs contre des fonds',
  },
  'exchange-crypto': {
    point: 'd',
    en: 'exchange of crypto-assets for other crypto-assets',
    fr: "échange de crypto-actifs contre d'autres crypto-actifs",
  },
  execution: {
    point: 'e',
    en: 'execution of orders for crypto-assets on behalf of clients',
    fr: "exécution d'ordres sur crypto-actifs pour le compte de clients",
  },
  placing: { point: 'f', en: 'placing of crypto-assets', fr: 'placement de crypto-actifs' },
  'reception-transmission': {
    point: 'g',
    en: 'reception and transmission of orders for crypto-assets on behalf of clients',
    fr: "réception et transmission d'ordres sur crypto-actifs pour le compte de clients",
  },
  advice: {
    point: 'h',
    en: 'providing advice on crypto-assets',
    fr: 'fourniture de conseils en crypto-actifs',
  },
  'portfolio-management': {
    point: 'i',
    en: 'providing portfolio management on crypto-assets',
    fr: 'fourniture de services de gestion de portefeuille de crypto-actifs',
  },
  transfer: {
    point: 'j',
    en: 'providing transfer services for crypto-assets on behalf of clients',
    fr: 'fourniture de services de transfert de crypto-actifs pour le compte de clients',
  },
};

export const LEGAL_STATUSES = [
  'casp',
  'credit-institution',
  'csd',
  'investment-firm',
  'emi',
  'ucits-manco',
  'aifm',
  'market-operator',
  'none',
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export const LEGAL_STATUS_LABELS: Readonly<Record<LegalStatus, { en: string; fr: string }>> = {
  casp: {
    en: 'crypto-asset service provider authorised under MiCA Art. 59/63',
    fr: 'prestataire de services sur crypto-actifs agréé (MiCA art. 59 et 63)',
  },
  'credit-institution': { en: 'credit institution', fr: 'établissement de crédit' },
  csd: { en: 'central securities depository', fr: 'dépositaire central de titres' },
  'investment-firm': { en: 'investment firm', fr: "entreprise d'investissement" },
  emi: { en: 'electronic money institution', fr: 'établissement de monnaie électronique' },
  'ucits-manco': { en: 'UCITS management company', fr: "société de gestion d'OPCVM" },
  aifm: {
    en: 'alternative investment fund manager',
    fr: "gestionnaire de fonds d'investissement alternatifs",
  },
  'market-operator': { en: 'market operator', fr: 'opérateur de marché' },
  none: { en: 'no financial status', fr: 'aucun statut financier' },
};

export const ISSUANCE_ROLES = ['art', 'emt', 'other-crypto-offer', 'admission-to-trading'] as const;
export type IssuanceRole = (typeof ISSUANCE_ROLES)[number];

export const ISSUANCE_LABELS: Readonly<Record<IssuanceRole, { en: string; fr: string }>> = {
  art: { en: 'issuer of asset-referenced tokens', fr: 'émetteur de jetons se référant à un ou des actifs' },
  emt: { en: 'issuer of e-money tokens', fr: 'émetteur de jetons de monnaie électronique' },
  'other-crypto-offer': {
    en: 'offeror of crypto-assets other than ARTs or EMTs',
    fr: 'offreur de crypto-actifs autres que des jetons se référant à un ou des actifs ou des jetons de monnaie électronique',
  },
  'admission-to-trading': {
    en: 'person seeking admission to trading of crypto-assets',
    fr: "personne qui demande l'admission à la négociation de crypto-actifs",
  },
};

/** Home member states: the 27 EU member states and the 3 EEA states where MiCA applies through the EEA Agreement. */
export const MEMBER_STATES = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  'IS',
  'LI',
  'NO',
] as const;
export type MemberState = (typeof MEMBER_STATES)[number];
