/** Hand-written auditor observations of the demo engagement, keyed by requirement URN (without the prefix). */
import type { AssessmentStatus } from '@mica-audit/core';

export interface DemoObservation {
  readonly status: AssessmentStatus;
  readonly maturity: number;
  readonly en: string;
  readonly fr: string;
  readonly evidence: readonly string[];
}

export const OBSERVATIONS: Readonly<Record<string, DemoObservation>> = {
  'mica:art-67:1:a': {
    status: 'compliant',
    maturity: 4,
    evidence: ['EV-03'],
    en: 'Own funds of EUR 520,000 at 30 June 2026 exceed the Annex IV class 2 minimum and a quarter of fixed overheads (EUR 450,000); the computation is reviewed quarterly by the CFO.',
    fr: "Les fonds propres de 520 000 EUR au 30 juin 2026 dépassent le minimum de la classe 2 de l'annexe IV et le quart des frais généraux fixes (450 000 EUR)\u202f; le calcul est revu chaque trimestre par le directeur financier.",
  },
  'mica:art-67:4:a': {
    status: 'partially-compliant',
    maturity: 3,
    evidence: ['EV-03'],
    en: 'Own funds are CET1 instruments, but a EUR 60,000 shareholder current account is counted without a subordination agreement.',
    fr: "Les fonds propres sont des instruments CET1, mais un compte courant d'associé de 60 000 EUR est retenu sans convention de subordination.",
  },
  'mica:art-70:1:no-own-use': {
    status: 'compliant',
    maturity: 4,
    evidence: ['EV-05', 'EV-06'],
    en: 'Client wallets are segregated on-chain from the treasury wallets; no transfer from client to treasury addresses was found in the sample of 60 days.',
    fr: "Les portefeuilles clients sont ségrégués on-chain des portefeuilles de trésorerie\u202f; aucun transfert des adresses clients vers la trésorerie n'a été relevé sur l'échantillon de 60 jours.",
  },
  'mica:art-70:3': {
    status: 'non-compliant',
    maturity: 1,
    evidence: ['EV-06'],
    en: 'Client fiat funds are swept to the safeguarding account at the credit institution every Friday, not by the end of the next business day as required.',
    fr: 'Les fonds clients en monnaie fiduciaire sont transférés chaque vendredi sur le compte de cantonnement, et non au plus tard à la fin du jour ouvrable suivant comme exigé.',
  },
  'mica:art-75:2:register': {
    status: 'partially-compliant',
    maturity: 3,
    evidence: ['EV-05'],
    en: 'The register of positions exists per client, but reconciliation with on-chain balances is weekly; 3 unexplained differences were open for more than 10 days.',
    fr: 'Le registre des positions est tenu par client, mais le rapprochement avec les soldes on-chain est hebdomadaire\u202f; 3 écarts inexpliqués étaient ouverts depuis plus de 10 jours.',
  },
  'mica:art-75:3:policy': {
    status: 'partially-compliant',
    maturity: 2,
    evidence: ['EV-04', 'EV-07'],
    en: 'The custody policy covers key generation and storage in HSMs but not the quorum rules for the recovery of cold-wallet keys.',
    fr: 'La politique de conservation couvre la génération et le stockage des clés en HSM, mais pas les règles de quorum pour la reconstitution des clés des portefeuilles froids.',
  },
  'mica:art-75:5:statement': {
    status: 'compliant',
    maturity: 4,
    evidence: ['EV-05'],
    en: 'Quarterly statements are sent through the client portal; the sample of 25 clients matched the register.',
    fr: "Les relevés trimestriels sont transmis via l'espace client\u202f; l'échantillon de 25 clients concorde avec le registre.",
  },
  'mica:art-75:6': {
    status: 'not-assessed',
    maturity: 0,
    evidence: [],
    en: 'The return procedure was being rewritten during fieldwork; to be assessed at the next round.',
    fr: 'La procédure de restitution était en cours de réécriture pendant la mission\u202f; à évaluer lors du prochain cycle.',
  },
  'mica:art-74:plan': {
    status: 'non-compliant',
    maturity: 1,
    evidence: [],
    en: 'No orderly wind-down plan exists; management relies on the business continuity plan, which does not cover the return of client assets on cessation.',
    fr: "Aucun plan de liquidation ordonnée n'existe\u202f; la direction s'appuie sur le plan de continuité, qui ne couvre pas la restitution des actifs clients en cas de cessation.",
  },
  'mica:art-68:1:good-repute': {
    status: 'compliant',
    maturity: 5,
    evidence: ['EV-02'],
    en: 'Criminal record extracts and fit-and-proper questionnaires are on file for all four members of the management body.',
    fr: "Les extraits de casier judiciaire et questionnaires d'honorabilité sont au dossier pour les quatre membres de l'organe de direction.",
  },
  'mica:art-68:6': {
    status: 'partially-compliant',
    maturity: 2,
    evidence: ['EV-02'],
    en: 'The board reviewed the compliance framework once in 2025; minutes do not record the review of the effectiveness of the arrangements.',
    fr: "Le conseil a revu le dispositif de conformité une fois en 2025\u202f; les procès-verbaux ne consignent pas la revue de l'efficacité des dispositifs.",
  },
  'mica:art-68:9:records': {
    status: 'compliant',
    maturity: 4,
    evidence: ['EV-12'],
    en: 'Orders and transactions are journaled in an append-only store replicated to a second region.',
    fr: 'Les ordres et transactions sont journalisés dans un stockage en ajout seul répliqué dans une seconde région.',
  },
  'mica:art-71:4': {
    status: 'compliant',
    maturity: 3,
    evidence: ['EV-09'],
    en: 'Complaints are answered within 15 working days on average; the register shows 42 complaints in 2026, all closed.',
    fr: 'Les réclamations sont traitées en 15 jours ouvrés en moyenne\u202f; le registre fait état de 42 réclamations en 2026, toutes clôturées.',
  },
  'mica:art-72:4': {
    status: 'non-compliant',
    maturity: 1,
    evidence: ['EV-10'],
    en: 'The conflicts-of-interest policy dates from 2023 and has not been reviewed since; the annual review is not scheduled.',
    fr: "La politique de gestion des conflits d'intérêts date de 2023 et n'a pas été revue depuis\u202f; la revue annuelle n'est pas planifiée.",
  },
  'mica:art-73:3': {
    status: 'partially-compliant',
    maturity: 3,
    evidence: ['EV-11'],
    en: 'The cloud hosting agreement has a termination right but the KYC provider contract lacks audit and access rights.',
    fr: "Le contrat d'hébergement cloud prévoit un droit de résiliation, mais le contrat du prestataire KYC ne prévoit ni droit d'audit ni droit d'accès.",
  },
  'mica:art-77:2': {
    status: 'compliant',
    maturity: 4,
    evidence: ['EV-08'],
    en: 'The pricing method and the quote limits are published on the website and in the terms of business.',
    fr: 'La méthode de détermination des prix et les limites de cotation sont publiées sur le site et dans les conditions générales.',
  },
  'mica:art-82:1': {
    status: 'partially-compliant',
    maturity: 3,
    evidence: ['EV-08'],
    en: 'The transfer services agreement omits the execution time of transfers and the applicable fees per network.',
    fr: "La convention de services de transfert omet le délai d'exécution des transferts et les frais applicables par réseau.",
  },
  'mica:art-92:1:framework': {
    status: 'not-applicable',
    maturity: 0,
    evidence: [],
    en: 'The entity does not arrange or execute transactions on trading platforms on behalf of clients; the auditor agreed with management that surveillance is out of scope for this round.',
    fr: "L'entité n'arrange ni n'exécute de transactions sur des plateformes pour le compte de clients\u202f; l'auditeur a convenu avec la direction que la surveillance est hors périmètre pour ce cycle.",
  },
  'tfr:art-14:2': {
    status: 'compliant',
    maturity: 4,
    evidence: ['EV-13'],
    en: 'The travel rule gateway attaches originator and beneficiary information to every outgoing transfer; 100 % of the 50 sampled transfers carried it.',
    fr: "La passerelle de règle de voyage joint les informations du donneur d'ordre et du bénéficiaire à chaque transfert sortant\u202f; 100 % des 50 transferts échantillonnés les comportaient.",
  },
  'tfr:art-14:5:sub-2': {
    status: 'non-compliant',
    maturity: 1,
    evidence: ['EV-13'],
    en: 'Ownership of self-hosted addresses is not verified above EUR 1,000; the client only declares ownership in a checkbox.',
    fr: "La propriété des adresses auto-hébergées n'est pas vérifiée au-delà de 1 000 EUR\u202f; le client déclare seulement en être propriétaire via une case à cocher.",
  },
  'tfr:art-16:1': {
    status: 'partially-compliant',
    maturity: 2,
    evidence: ['EV-13'],
    en: 'Missing information on incoming transfers is detected for two of the three supported networks only.',
    fr: "L'absence d'informations sur les transferts entrants n'est détectée que pour deux des trois réseaux pris en charge.",
  },
  'tfr:art-26:1': {
    status: 'compliant',
    maturity: 4,
    evidence: ['EV-12'],
    en: 'Travel rule records are retained for five years in the archive with legal hold.',
    fr: "Les enregistrements de la règle de voyage sont conservés cinq ans dans l'archive sous conservation légale.",
  },
  'dora:art-5:1': {
    status: 'partially-compliant',
    maturity: 2,
    evidence: ['EV-01'],
    en: 'The board approved the ICT risk framework, but ICT risk is reported to it only once a year and without key risk indicators.',
    fr: "Le conseil a approuvé le cadre de gestion du risque TIC, mais ce risque ne lui est présenté qu'une fois par an et sans indicateurs clés.",
  },
  'dora:art-6:1': {
    status: 'compliant',
    maturity: 3,
    evidence: ['EV-01'],
    en: 'A documented ICT risk management framework exists, aligned on ISO 27001, reviewed in March 2026.',
    fr: 'Un cadre documenté de gestion du risque TIC existe, aligné sur ISO 27001, revu en mars 2026.',
  },
  'dora:art-9:4:d': {
    status: 'non-compliant',
    maturity: 1,
    evidence: ['EV-07'],
    en: 'Administrators of the production cloud account log in without multi-factor authentication; the HSM administration keys are shared between two engineers.',
    fr: "Les administrateurs du compte cloud de production se connectent sans authentification multifacteur\u202f; les clés d'administration des HSM sont partagées entre deux ingénieurs.",
  },
  'dora:art-11:4': {
    status: 'partially-compliant',
    maturity: 2,
    evidence: ['EV-14'],
    en: 'Continuity plans exist but the last failover test of the custody platform (May 2026) did not include the signing service.',
    fr: "Des plans de continuité existent, mais le dernier test de bascule de la plateforme de conservation (mai 2026) n'incluait pas le service de signature.",
  },
  'dora:art-12:2:testing': {
    status: 'compliant',
    maturity: 4,
    evidence: ['EV-14'],
    en: 'Backups are restored monthly in an isolated environment; restoration reports are signed by the CISO.',
    fr: 'Les sauvegardes sont restaurées chaque mois dans un environnement isolé\u202f; les comptes rendus sont signés par le RSSI.',
  },
  'dora:art-17:1': {
    status: 'compliant',
    maturity: 3,
    evidence: ['EV-15'],
    en: 'The incident management process was applied to the August 2026 incident; the timeline is documented.',
    fr: "Le processus de gestion des incidents a été appliqué à l'incident d'août 2026\u202f; la chronologie est documentée.",
  },
  'dora:art-19:4:b': {
    status: 'non-compliant',
    maturity: 1,
    evidence: ['EV-15'],
    en: 'The intermediate report on the August 2026 major incident was sent 31 hours after its deadline.',
    fr: "Le rapport intermédiaire sur l'incident majeur d'août 2026 a été transmis 31 heures après l'échéance.",
  },
  'dora:art-28:3:on-request': {
    status: 'partially-compliant',
    maturity: 2,
    evidence: ['EV-11'],
    en: 'The register of information lists 14 ICT providers but is kept in a spreadsheet not in the ITS template format.',
    fr: "Le registre d'information recense 14 prestataires TIC mais est tenu dans un tableur qui ne suit pas le format des ITS.",
  },
  'dora:art-24:6': {
    status: 'not-assessed',
    maturity: 0,
    evidence: [],
    en: 'The annual testing programme for 2026 was not yet approved at the end of fieldwork.',
    fr: "Le programme de tests 2026 n'était pas encore approuvé à la fin de la mission.",
  },
  'passi:smart-contract:access-control': {
    status: 'non-compliant',
    maturity: 1,
    evidence: [],
    en: 'The fee-collection contract lets a single externally owned account upgrade the implementation without a timelock.',
    fr: "Le contrat de collecte des frais permet à un seul compte externe de mettre à jour l'implémentation sans délai de carence.",
  },
  'passi:intrusion-test:web-application': {
    status: 'partially-compliant',
    maturity: 2,
    evidence: [],
    en: 'The intrusion test found an IDOR on the statements API and a missing rate limit on login; both were fixed during fieldwork except the rate limit.',
    fr: "Le test d'intrusion a révélé une IDOR sur l'API des relevés et une absence de limitation du débit sur l'authentification\u202f; seule la seconde restait ouverte en fin de mission.",
  },
};

/** Generic observations used for the other assessed requirements, by status. */
export const GENERIC: Readonly<
  Record<'compliant' | 'partially-compliant' | 'non-compliant', readonly { en: string; fr: string }[]>
> = {
  compliant: [
    {
      en: 'Documented and operating; the sample tested showed no exception.',
      fr: "Documenté et appliqué\u202f; l'échantillon testé n'a révélé aucune anomalie.",
    },
    {
      en: 'Procedure approved by management and applied consistently over the period.',
      fr: 'Procédure approuvée par la direction et appliquée de façon constante sur la période.',
    },
    {
      en: 'Control in place; evidence reviewed and consistent with interviews.',
      fr: 'Contrôle en place\u202f; éléments examinés cohérents avec les entretiens.',
    },
  ],
  'partially-compliant': [
    {
      en: 'Documented, but not yet applied to every business line; completion planned.',
      fr: 'Documenté, mais pas encore appliqué à toutes les activités\u202f; finalisation prévue.',
    },
    {
      en: 'Control exists but is not evidenced for the whole period under review.',
      fr: "Le contrôle existe mais n'est pas documenté sur toute la période revue.",
    },
    {
      en: 'Policy approved, operating procedure missing or outdated.',
      fr: 'Politique approuvée, procédure opérationnelle manquante ou obsolète.',
    },
  ],
  'non-compliant': [
    {
      en: 'No documented arrangement; the requirement is not addressed.',
      fr: "Aucun dispositif documenté\u202f; l'exigence n'est pas traitée.",
    },
    {
      en: 'Arrangement described in the application file but not implemented.',
      fr: "Dispositif décrit dans le dossier d'agrément mais non mis en œuvre.",
    },
  ],
};
