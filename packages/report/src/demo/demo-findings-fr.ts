/**
 * French versions of the demo findings' titles and descriptions. Tools report in English; an auditor who delivers
 * in French translates them in the snapshot's `translations.fr`, as here, and the report uses the translation.
 */
export const FINDINGS_FRENCH: Readonly<Record<string, string>> = {
  'Unprotected upgradeable proxy': 'Proxy évolutif non protégé',
  'upgradeTo() of FeeCollector can be called by a single EOA without timelock or multisig.':
    'upgradeTo() de FeeCollector peut être appelée par un seul compte externe, sans délai ni multisignature.',
  'Root account without MFA': 'Compte racine sans authentification multifacteur',
  'The root user of the production account has no multi-factor authentication device.':
    "L'utilisateur racine du compte de production n'a aucun dispositif d'authentification multifacteur.",
  'API key committed to the repository': "Clé d'API enregistrée dans le dépôt de code",
  'A live API key of the KYC provider is present in the history of the backend repository.':
    "Une clé d'API active du prestataire KYC figure dans l'historique du dépôt du back-end.",
  'Insecure direct object reference on statements API':
    "Référence directe non sécurisée sur l'API des relevés",
  'GET /api/v1/statements/{id} returns another client’s statement when the id is incremented.':
    "GET /api/v1/statements/{id} renvoie le relevé d'un autre client lorsque l'identifiant est incrémenté.",
  'No rate limiting on login': 'Aucune limitation des tentatives de connexion',
  'Unlimited password attempts are accepted on the client login endpoint.':
    'Le point de connexion des clients accepte un nombre illimité de tentatives de mot de passe.',
  'SQL built from request input': 'Requête SQL construite à partir des entrées de la requête',
  'A report query concatenates the sort parameter into SQL.':
    'Une requête de rapport concatène le paramètre de tri dans le SQL.',
  'Monetary amounts handled as floating point': 'Montants monétaires traités en virgule flottante',
  'Fee computations use JavaScript numbers; rounding drift reaches 1e-8 BTC per transfer.':
    "Le calcul des frais utilise des nombres JavaScript\u202f; l'écart d'arrondi atteint 1e-8 BTC par transfert.",
  'body-parser denial of service': 'Déni de service dans body-parser',
  'body-parser 1.20.2 is vulnerable to asymmetric resource consumption with url encoding.':
    "body-parser 1.20.2 est vulnérable à une consommation asymétrique de ressources avec l'encodage URL.",
  'HTTP/2 rapid reset': 'HTTP/2 «\u00a0rapid reset\u00a0»',
  'The embedded nghttp2 library allows HTTP/2 rapid reset denial of service.':
    'La bibliothèque nghttp2 embarquée permet un déni de service HTTP/2 par réinitialisation rapide.',
  'S3 bucket readable by any authenticated user': 'Compartiment S3 lisible par tout utilisateur authentifié',
  'The statements export bucket grants READ to AuthenticatedUsers.':
    "Le compartiment d'export des relevés accorde la lecture à AuthenticatedUsers.",
  'CloudTrail not enabled in every region': 'CloudTrail non activé dans toutes les régions',
  'API activity in eu-central-1 is not logged.':
    "L'activité des API dans eu-central-1 n'est pas journalisée.",
  'TLS 1.1 still offered': 'TLS 1.1 encore proposé',
  'The API gateway negotiates TLS 1.1 with legacy clients.':
    "La passerelle d'API négocie TLS 1.1 avec les clients anciens.",
  'SSH exposed to the internet': 'SSH exposé sur Internet',
  'Port 22 of the bastion accepts connections from any address.':
    'Le port 22 du bastion accepte les connexions depuis toute adresse.',
  'Single HSM cluster for hot and warm wallets': 'Grappe HSM unique pour les portefeuilles chauds et tièdes',
  'Hot and warm wallet keys share one HSM cluster in one availability zone.':
    'Les clés des portefeuilles chauds et tièdes partagent une seule grappe HSM dans une seule zone de disponibilité.',
  'Badge access not reviewed': 'Accès par badge non revus',
  'Physical access rights to the server room were last reviewed in 2024.':
    "Les droits d'accès physique à la salle serveurs ont été revus pour la dernière fois en 2024.",
  'No security clauses in the KYC provider contract':
    'Aucune clause de sécurité dans le contrat du prestataire KYC',
  'The contract has no security requirements, audit right or incident notification clause.':
    "Le contrat ne prévoit ni exigence de sécurité, ni droit d'audit, ni clause de notification des incidents.",
  'Reentrancy in fee withdrawal': 'Réentrance dans le retrait des frais',
  'withdrawFees() makes an external call before updating the balance.':
    'withdrawFees() effectue un appel externe avant de mettre à jour le solde.',
  'Block timestamp used for fee period': 'Horodatage du bloc utilisé pour la période de frais',
  'Fee periods depend on block.timestamp, which validators can shift slightly.':
    'Les périodes de frais dépendent de block.timestamp, que les validateurs peuvent légèrement décaler.',
  'path-to-regexp ReDoS': 'ReDoS dans path-to-regexp',
  'path-to-regexp 0.1.7 outputs backtracking regular expressions.':
    'path-to-regexp 0.1.7 produit des expressions régulières à retour arrière.',
  'Missing security headers': 'En-têtes de sécurité absents',
  'Content-Security-Policy and Permissions-Policy headers are absent.':
    'Les en-têtes Content-Security-Policy et Permissions-Policy sont absents.',
  'SSH weak key exchange algorithms': "Algorithmes d'échange de clés SSH faibles",
  'diffie-hellman-group1-sha1 is still offered.': 'diffie-hellman-group1-sha1 est encore proposé.',
  'Role parameter accepted from the client': 'Paramètre de rôle accepté depuis le client',
  'The back-office accepts a role field in the profile update request, granting operator rights.':
    "Le back-office accepte un champ de rôle dans la requête de mise à jour du profil, ce qui donne les droits d'opérateur.",
  'JWT verification allows the none algorithm':
    "La vérification des JWT accepte l'algorithme «\u00a0none\u00a0»",
  'A test helper accepts unsigned tokens; not reachable in production builds.':
    "Un utilitaire de test accepte des jetons non signés\u202f; il n'est pas accessible dans les versions de production.",
};
