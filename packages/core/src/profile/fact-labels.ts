import type { Text } from '../rules/rule.types.ts';
import type { FactName } from './facts.ts';

/** Human labels of the profile facts, for reasons and reports; typed so a new fact cannot go unlabelled. */
export const FACT_LABELS: Readonly<Record<FactName, Text>> = {
  activeUsersEU: {
    en: 'average active users in the Union',
    fr: "nombre moyen d'utilisateurs actifs dans l'Union",
  },
  fixedOverheadsEUR: {
    en: 'fixed overheads of the preceding year (EUR)',
    fr: "frais généraux fixes de l'exercice précédent (EUR)",
  },
  ownFundsEUR: { en: 'own funds held (EUR)', fr: 'fonds propres détenus (EUR)' },
  holdsClientCryptoAssets: {
    en: "holds clients' crypto-assets or their means of access",
    fr: "détient des crypto-actifs de clients ou leurs moyens d'accès",
  },
  holdsClientFunds: { en: "holds clients' funds", fr: 'détient des fonds de clients' },
  outsourcesOperationalFunctions: {
    en: 'outsources operational functions',
    fr: 'externalise des fonctions opérationnelles',
  },
  providesServicesCrossBorder: {
    en: 'provides services in other member states',
    fr: "fournit des services dans d'autres États membres",
  },
  publishesMarketingCommunications: {
    en: 'publishes marketing communications',
    fr: 'publie des communications commerciales',
  },
  dealsOnOwnAccount: { en: 'deals on own account', fr: 'négocie pour compte propre' },
  whitePaperExemptOffer: {
    en: 'offer exempt from the white-paper obligation',
    fr: "offre exemptée de l'obligation de livre blanc",
  },
  artAuthorisationExempt: {
    en: 'ART offer exempt from authorisation',
    fr: "offre d'ART exemptée d'agrément",
  },
  significantToken: { en: 'token classified as significant', fr: 'jeton classé comme important' },
  tokenReserveAverageEUR: {
    en: 'average reserve of assets (EUR)',
    fr: "montant moyen de la réserve d'actifs (EUR)",
  },
  tokenHolders: { en: 'number of token holders', fr: 'nombre de détenteurs du jeton' },
  tokenValueEUR: { en: 'value of the token issued (EUR)', fr: 'valeur du jeton émis (EUR)' },
  tokenDailyTransactions: {
    en: 'average daily transactions in the token',
    fr: 'nombre moyen de transactions quotidiennes sur le jeton',
  },
  tokenDailyTransactionValueEUR: {
    en: 'average daily value of transactions (EUR)',
    fr: 'valeur moyenne quotidienne des transactions (EUR)',
  },
  issuerIsGatekeeper: { en: 'issuer is a gatekeeper', fr: "l'émetteur est un contrôleur d'accès" },
  issuerHasOtherTokensAndServices: {
    en: 'issuer has other tokens and provides crypto-asset services',
    fr: "l'émetteur émet d'autres jetons et fournit des services sur crypto-actifs",
  },
  microenterprise: { en: 'microenterprise', fr: 'microentreprise' },
  tlptDesignated: {
    en: 'designated for threat-led penetration testing',
    fr: 'désignée pour des tests de pénétration fondés sur la menace',
  },
  simplifiedIctRiskFramework: {
    en: 'applies the simplified ICT risk management framework',
    fr: 'applique le cadre simplifié de gestion du risque lié aux TIC',
  },
  tradingPlatformDraftsWhitePapers: {
    en: 'platform operator drafts white papers',
    fr: "l'opérateur de la plateforme rédige les livres blancs",
  },
  usesSubCustodians: {
    en: 'uses other providers for custody',
    fr: "recourt à d'autres prestataires pour la conservation",
  },
  matchedPrincipalTrading: {
    en: 'matched principal trading',
    fr: 'négociation par appariement avec interposition du compte propre',
  },
  tokenNonEUCurrency: {
    en: 'e-money token referencing a non-Union currency',
    fr: "jeton de monnaie électronique libellé dans une monnaie hors de l'Union",
  },
  prudentialInsurancePolicy: {
    en: 'insurance policy in the prudential safeguards',
    fr: "police d'assurance dans les garanties prudentielles",
  },
  providesPaymentServices: { en: 'provides payment services', fr: 'fournit des services de paiement' },
  intermediaryCasp: {
    en: 'intermediary provider in transfers',
    fr: 'prestataire intermédiaire dans les transferts',
  },
  cyberThreatInfoSharing: {
    en: 'takes part in cyber threat information sharing',
    fr: "participe au partage d'informations sur les cybermenaces",
  },
  smartContracts: { en: 'relies on smart contracts', fr: 'recourt à des contrats intelligents' },
};
