/**
 * The facts an entity profile may carry. Applicability rules and calculators may only use facts listed here:
 * a rule naming any other fact fails catalogue validation instead of silently evaluating to false.
 */
export interface FactDefinition {
  readonly type: 'boolean' | 'number';
  readonly description: string;
}

export const FACTS = {
  activeUsersEU: {
    type: 'number',
    description:
      'Average number of active users in the Union over the preceding calendar year (MiCA Art. 85(1))',
  },
  fixedOverheadsEUR: {
    type: 'number',
    description:
      'Fixed overheads of the preceding year in EUR, projected for a new firm (MiCA Art. 67(1)(b), 67(3))',
  },
  ownFundsEUR: { type: 'number', description: 'Own funds currently held, in EUR' },
  holdsClientCryptoAssets: {
    type: 'boolean',
    description: "Holds clients' crypto-assets or the means of access to them (MiCA Art. 70(1))",
  },
  holdsClientFunds: {
    type: 'boolean',
    description: "Holds clients' funds other than e-money tokens (MiCA Art. 70(2))",
  },
  outsourcesOperationalFunctions: {
    type: 'boolean',
    description: 'Relies on third parties for operational functions (MiCA Art. 73)',
  },
  providesServicesCrossBorder: {
    type: 'boolean',
    description: 'Provides crypto-asset services in member states other than the home one (MiCA Art. 65)',
  },
  publishesMarketingCommunications: {
    type: 'boolean',
    description: 'Publishes marketing communications about crypto-assets or services',
  },
  dealsOnOwnAccount: { type: 'boolean', description: 'Deals on own account in crypto-assets' },
  whitePaperExemptOffer: {
    type: 'boolean',
    description:
      'The offer falls under an exemption from the white-paper obligation (MiCA Art. 4(2) or 4(3))',
  },
  artAuthorisationExempt: {
    type: 'boolean',
    description:
      'The ART offer falls under an exemption of MiCA Art. 16(2): small average outstanding value or qualified investors only',
  },
  significantToken: {
    type: 'boolean',
    description: 'The ART or EMT issued is classified as significant (MiCA Arts 43-44, 56-57)',
  },
  tokenReserveAverageEUR: {
    type: 'number',
    description: 'Average amount of the reserve of assets of the ART, in EUR (MiCA Art. 35(1)(b))',
  },
  tokenHolders: { type: 'number', description: 'Number of holders of the ART or EMT' },
  tokenValueEUR: {
    type: 'number',
    description:
      'Value of the ART or EMT issued, its market capitalisation or reserve, in EUR (MiCA Art. 43(1)(b))',
  },
  tokenDailyTransactions: {
    type: 'number',
    description: 'Average number of transactions per day in the ART or EMT',
  },
  tokenDailyTransactionValueEUR: {
    type: 'number',
    description: 'Average aggregate value of transactions per day in the ART or EMT, in EUR',
  },
  issuerIsGatekeeper: {
    type: 'boolean',
    description: 'The issuer is a gatekeeper under Regulation (EU) 2022/1925 (MiCA Art. 43(1)(d))',
  },
  issuerHasOtherTokensAndServices: {
    type: 'boolean',
    description:
      'The issuer issues at least one other ART or EMT and provides at least one crypto-asset service (MiCA Art. 43(1)(g))',
  },
  microenterprise: {
    type: 'boolean',
    description: 'A microenterprise within the meaning of DORA Art. 3(60)',
  },
  tlptDesignated: {
    type: 'boolean',
    description: 'Designated by the competent authority for threat-led penetration testing (DORA Art. 26(8))',
  },
  simplifiedIctRiskFramework: {
    type: 'boolean',
    description: 'Eligible for and applying the simplified ICT risk management framework of DORA Art. 16(1)',
  },
  tradingPlatformDraftsWhitePapers: {
    type: 'boolean',
    description:
      'As trading-platform operator, draws up white papers for crypto-assets admitted to trading (MiCA Art. 5(2))',
  },
  usesSubCustodians: {
    type: 'boolean',
    description: 'Delegates custody of client crypto-assets to other crypto-asset service providers',
  },
  matchedPrincipalTrading: {
    type: 'boolean',
    description: 'The trading platform operator engages in matched principal trading',
  },
  tokenNonEUCurrency: {
    type: 'boolean',
    description: 'The e-money token references an official currency that is not a currency of a member state',
  },
  prudentialInsurancePolicy: {
    type: 'boolean',
    description:
      'Meets part of its prudential requirement with an insurance policy or comparable guarantee (MiCA Art. 67(4)(b))',
  },
  providesPaymentServices: {
    type: 'boolean',
    description:
      'Provides payment services in connection with its crypto-asset services, itself or through a third party',
  },
  intermediaryCasp: {
    type: 'boolean',
    description:
      'Acts as an intermediary crypto-asset service provider in transfers, on behalf of neither the originator nor the beneficiary (Regulation (EU) 2023/1113)',
  },
  cyberThreatInfoSharing: {
    type: 'boolean',
    description:
      'Takes part in arrangements to exchange cyber threat information and intelligence (DORA Art. 45)',
  },
  smartContracts: {
    type: 'boolean',
    description: 'Develops, deploys or relies on smart contracts for its services or tokens',
  },
} as const satisfies Record<string, FactDefinition>;

export type FactName = keyof typeof FACTS;

/** True when `name` is a fact the profile format knows. */
export function isFactName(name: string): name is FactName {
  return Object.hasOwn(FACTS, name);
}
