/** French versions of the demo's free text written in English (risk titles, threats, owners, incident). */
export const FRENCH: Readonly<Record<string, string>> = {
  'MiCA authorisation readiness audit': "Audit de préparation à l'agrément MiCA",
  'Theft of client crypto-assets through key compromise':
    'Vol de crypto-actifs clients par compromission des clés',
  'Takeover of the production cloud account': 'Prise de contrôle du compte cloud de production',
  'Unauthorised upgrade of the fee contract': 'Mise à jour non autorisée du contrat de frais',
  'Client funds not safeguarded in time': 'Fonds clients non cantonnés dans les délais',
  'Register of positions diverges from the blockchain':
    'Écart entre le registre des positions et la blockchain',
  'Leak of client data through the portal API': "Fuite de données clients via l'API du portail",
  'Late notification of a major ICT incident': "Notification tardive d'un incident TIC majeur",
  'Transfers to unverified self-hosted wallets':
    'Transferts vers des portefeuilles auto-hébergés non vérifiés',
  'Loss of key custody staff': 'Perte de personnel clé de la conservation',
  'Denial of service on the client portal': 'Déni de service sur le portail client',
  'Rounding errors in fee computation': "Erreurs d'arrondi dans le calcul des frais",
  'KYC provider failure without exit plan': 'Défaillance du prestataire KYC sans plan de sortie',
  'External attacker or insider obtains signing keys':
    'Un attaquant externe ou interne obtient les clés de signature',
  'Phishing of an administrator without MFA': "Hameçonnage d'un administrateur sans MFA",
  'Compromise of the single upgrade key': "Compromission de l'unique clé de mise à jour",
  'Insolvency before the weekly sweep': 'Insolvabilité avant le virement hebdomadaire',
  'Operational error or unreconciled movement': 'Erreur opérationnelle ou mouvement non rapproché',
  'Authenticated client enumerates other clients’ data':
    "Un client authentifié énumère les données d'autres clients",
  'Deadlines missed during a crisis': 'Échéances manquées pendant une crise',
  'Sanctions evasion through self-hosted addresses':
    'Contournement des sanctions via des adresses auto-hébergées',
  'Departure of two of the three key holders': 'Départ de deux des trois détenteurs de clés',
  'Volumetric or application-layer attack': 'Attaque volumétrique ou applicative',
  'Accumulated floating-point drift': 'Dérive cumulée des calculs en virgule flottante',
  'Provider outage or insolvency': 'Panne ou insolvabilité du prestataire',
  'Signing service outage blocking withdrawals': 'Panne du service de signature bloquant les retraits',
  '2025 pre-assessment': 'pré-évaluation 2025',
  CISO: 'RSSI',
  CTO: 'Directeur technique',
  CFO: 'Directeur financier',
  CEO: 'Directeur général',
  COO: 'Directeur des opérations',
  'Head of infrastructure': 'Responsable infrastructure',
  'Head of operations': 'Responsable des opérations',
  'Compliance officer': 'Responsable de la conformité',
};
