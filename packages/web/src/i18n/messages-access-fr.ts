import type { accessEn } from './messages-access-en.ts';

/** French texts of the access screens, keyed like the English ones. */
export const accessFr: Readonly<Record<keyof typeof accessEn, string>> = {
  'invite.title': 'Invitations',
  'invite.lead':
    "Invitez une personne par e-mail\u00a0: elle choisit son mot de passe et rejoint l'organisation avec le rôle que vous lui donnez. Une invitation est valable 7 jours.",
  'invite.language': "Langue de l'e-mail",
  'invite.send': "Envoyer l'invitation",
  'invite.sending': 'Envoi…',
  'invite.mailed':
    "L'invitation de {email} part par e-mail\u202f; son envoi apparaît dans la liste ci-dessous.",
  'invite.createdNoLink': 'Invitation créée pour {email}.',
  'invite.notMailedTitle': 'Non envoyée\u00a0: transmettez vous-même le lien',
  'invite.notMailed':
    "Ce serveur n'a pas de messagerie configurée\u00a0: rien n'a été envoyé à {email}. Transmettez-lui ce lien vous-même (par un canal de confiance)\u00a0: il n'est affiché que maintenant, et la personne qui l'ouvre doit se connecter avec {email} pour rejoindre l'organisation.",
  'invite.link': "Lien d'acceptation",
  'invite.copy': 'Copier le lien',
  'invite.copied': 'Lien copié.',
  'invite.copyManually':
    'Le navigateur a refusé le presse-papiers\u00a0: le lien est sélectionné, copiez-le avec Ctrl+C.',
  'invite.linkPassedOn': "C'est fait, je l'ai transmis",
  'invite.pending': 'Invitations en attente',
  'invite.none': 'Aucune invitation en attente.',
  'invite.invitedBy': 'Invité par',
  'invite.expires': 'Expire le',
  'invite.daysLeft': 'dans {n} jours',
  'invite.expiresToday': "dans moins d'un jour",
  'invite.expired': 'expirée\u00a0: renvoyez-la',
  'invite.delivery': 'E-mail',
  'invite.mail.link': "non envoyé\u00a0: lien remis à l'auteur de l'invitation",
  'invite.mail.queued': 'en attente',
  'invite.mail.sending': "en cours d'envoi",
  'invite.mail.retrying': 'échec, nouvel essai prévu',
  'invite.mail.sent': 'envoyé',
  'invite.mail.skipped': 'non envoyé (remplacé ou retiré)',
  'invite.mail.failed': "n'a pas pu être envoyé",
  'invite.mail.error': 'essai {attempts}\u00a0: {error}',
  'invite.actions': 'Actions',
  'invite.resend': 'Renvoyer',
  'invite.resendTo': "Renvoyer l'invitation à {email}",
  'invite.revoke': 'Retirer',
  'invite.revokeFor': "Retirer l'invitation de {email}",
  'invite.confirmRevoke': "Retirer l'invitation de {email}\u202f?",
  'invite.revoked': "L'invitation de {email} a été retirée\u00a0: son lien ne fonctionne plus.",

  'invite.accept.title': 'Rejoindre une organisation',
  'invite.accept.invited': 'Vous êtes invité sur mica-audit',
  'invite.accept.signInFirst':
    "Connectez-vous avec l'adresse électronique à laquelle l'invitation a été envoyée\u202f; vous l'acceptez ensuite à la page suivante.",
  'invite.accept.noAccount': 'Pas encore de compte\u202f?',
  'invite.accept.createAccount': "Créez-le avec l'adresse invitée",
  'invite.accept.signUpTitle': 'Créer votre compte mica-audit',
  'invite.accept.signUpLead':
    "Utilisez l'adresse électronique à laquelle l'invitation a été envoyée\u00a0: l'invitation ne vaut que pour cette adresse.",
  'invite.accept.invitedEmail': 'Adresse électronique invitée',
  'invite.accept.passwordHint': '12 caractères ou plus.',
  'invite.accept.create': 'Créer le compte',
  'invite.accept.creating': 'Création…',
  'invite.accept.haveAccount': 'Vous avez déjà un compte\u202f?',
  'invite.accept.signUpClosed':
    "Ce serveur ne permet pas de créer un compte\u00a0: demandez à l'administrateur qui vous a invité de créer le vôtre, puis connectez-vous.",
  'invite.accept.signedInAs': 'Vous êtes connecté en tant que {name} ({email}).',
  'invite.accept.sameAddress':
    "L'invitation ne peut être acceptée que par le compte de l'adresse à laquelle elle a été envoyée.",
  'invite.accept.accept': "Accepter l'invitation",
  'invite.accept.accepting': 'Acceptation…',
  'invite.accept.openApp': 'Ouvrir mes organisations',
  'invite.accept.switchAccount': 'Se déconnecter pour utiliser un autre compte',
  'invite.accept.noToken':
    "Ce lien ne contient pas d'invitation\u00a0: ouvrez le lien complet de l'e-mail, ou demandez une nouvelle invitation.",
  'invite.problem.expired':
    "Cette invitation a expiré (elles durent 7 jours)\u00a0: demandez à l'administrateur de la renvoyer.",
  'invite.problem.wrongAccount':
    "Cette invitation a été envoyée à une autre adresse que {email}\u00a0: déconnectez-vous et connectez-vous avec l'adresse invitée.",
  'invite.problem.used':
    "Cette invitation a déjà été utilisée\u00a0: si c'était vous, ouvrez l'organisation depuis la page principale.",
  'invite.problem.revoked':
    "Cette invitation a été retirée\u00a0: demandez-en une nouvelle à l'administrateur.",
  'invite.problem.unusable':
    "Cette invitation ne peut pas être utilisée. Elle a expiré (les invitations durent 7 jours), a déjà été acceptée ou retirée, a été renvoyée avec un nouveau lien (seul le plus récent fonctionne), ou a été envoyée à une autre adresse que {email}. Connectez-vous avec l'adresse invitée, ou demandez à l'administrateur de la renvoyer.",
  'invite.problem.other': "L'invitation n'a pas pu être acceptée\u00a0: {message}",

  'team.nav': 'Paramètres',
  'team.title': 'Paramètres de la mission',
  'team.readOnly': 'Seuls les auditeurs responsables et les administrateurs peuvent modifier la mission.',
  'team.name': 'Nom de la mission',
  'team.startDate': 'Date de début',
  'team.endDate': 'Date de fin',
  'team.members': "Équipe d'audit",
  'team.membersHint':
    "Les membres de l'équipe travaillent sur la mission\u202f; les exigences peuvent leur être attribuées. Les rôles se règlent sur la page des membres.",
  'team.formerMember': "N'est plus membre de l'organisation ({id})",
  'team.nameRequired': 'Donnez un nom à la mission.',
  'team.endBeforeStart': 'La date de fin précède la date de début.',
  'team.unchanged': 'Aucune modification à enregistrer.',
  'team.unsaved': 'Modifications non enregistrées.',
  'team.saved': 'Enregistré.',
  'team.reset': 'Annuler mes modifications',
  'team.conflictTitle': "Quelqu'un d'autre a modifié cette mission",
  'team.conflictBody':
    "Votre modification n'a pas été enregistrée\u00a0: la mission est maintenant à la version {version}. Ses valeurs à côté des vôtres\u00a0:",

  'rescope.title': "Un profil d'entité plus récent existe\u00a0: recadrer",
  'rescope.lead':
    "La mission a été cadrée sur la version {from} du profil de l'entité\u202f; la version {to} est la plus récente. Recadrer l'applique\u00a0: ces exigences changent.",
  'rescope.added': 'Deviennent applicables',
  'rescope.removed': 'Ne sont plus applicables',
  'rescope.noneAdded': 'Aucune exigence ne devient applicable.',
  'rescope.noneRemoved': "Aucune exigence ne cesse de s'appliquer.",
  'rescope.restored': 'de retour dans le périmètre, avec son travail',
  'rescope.workKept': 'évaluée\u00a0: travail conservé hors périmètre',
  'rescope.leftCatalogue': 'Ne figure plus au catalogue',
  'rescope.done':
    'Mission recadrée\u00a0: {added} exigences sont devenues applicables (dont {restored} avec leur travail antérieur)\u202f; mises hors périmètre\u00a0: {removed}.',
  'rescope.banner': "L'entité a un profil plus récent que celui de cette mission.",
  'rescope.review': 'Examiner le recadrage',
  'rescope.keepsWork':
    "{unchanged} exigences restent inchangées. Aucun travail n'est perdu\u00a0: les exigences qui ne s'appliquent plus gardent leur évaluation et leurs preuves, marquées hors périmètre, et les retrouvent si un profil ultérieur les rend de nouveau applicables.",
  'rescope.apply': 'Recadrer la mission',
  'rescope.applying': 'Recadrage…',
  'rescope.readOnly': 'Un auditeur responsable ou un administrateur peut appliquer le recadrage.',
  'rescope.conflict':
    "La mission a changé depuis le chargement de la page\u00a0: l'aperçu a été actualisé, vérifiez-le et appliquez de nouveau.",

  'assign.label': 'Attribuée à',
  'assign.filter': 'Attribution',
  'assign.nobody': 'Personne',
  'assign.me': 'Moi',
  'assign.mine': 'Mes exigences',
  'assign.formerMember': '{name} (hors équipe)',
  'assign.bulkGroup': 'Attribuer les {n} exigences du groupe sélectionné',
  'assign.bulkShown': 'Attribuer les {n} exigences affichées',
  'assign.bulkGroupOne': "Attribuer l'exigence du groupe sélectionné",
  'assign.bulkShownOne': "Attribuer l'exigence affichée",
  'assign.doneOne': '1 exigence attribuée.',
  'assign.to': 'à',
  'assign.assignTo': 'Attribuer à',
  'assign.choose': 'choisir une personne…',
  'assign.unassign': "personne (retirer l'attribution)",
  'assign.apply': 'Attribuer',
  'assign.done': '{n} exigences attribuées.',
  'assign.nothingToChange': 'Elles sont déjà attribuées ainsi.',
  'assign.conflict':
    "Quelqu'un a modifié l'une de ces exigences entre-temps\u00a0: rien n'a été attribué. Son nouvel état est affiché\u202f; attribuez de nouveau.",

  'wizardPreview.applicable': 'Applicables',
  'wizardPreview.excluded': 'Exclues',
  'wizardPreview.countsCaption': 'Exigences par règlement',
  'wizardPreview.updating': "Mise à jour de l'aperçu…",
  'wizardPreview.waiting': "Les exigences applicables apparaissent ici à mesure que vous décrivez l'entité.",
  'wizardPreview.delta': 'dernière modification\u00a0: {added} applicables en plus, {removed} en moins',
};
