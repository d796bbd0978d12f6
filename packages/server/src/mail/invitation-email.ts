/** The invitation e-mail in the invitee's language: plain text and a simple HTML version of the same words. */
import type { Role } from '@mica-audit/core';

export type MailLang = 'en' | 'fr';
export const MAIL_LANGS = ['en', 'fr'] as const satisfies readonly MailLang[];

export interface InvitationEmailInput {
  readonly lang: MailLang;
  readonly organisation: string;
  readonly inviter: { readonly name: string; readonly email: string };
  readonly invitee: string;
  readonly role: Role;
  readonly expiresAt: Date;
  readonly link: string;
}

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const ROLE_NAMES: Readonly<Record<MailLang, Readonly<Record<Role, string>>>> = {
  en: {
    admin: 'administrator',
    'lead-auditor': 'lead auditor',
    auditor: 'auditor',
    contributor: 'client contributor',
    reviewer: 'reviewer (read-only)',
  },
  fr: {
    admin: 'administrateur',
    'lead-auditor': 'auditeur principal',
    auditor: 'auditeur',
    contributor: 'contributeur client',
    reviewer: 'relecteur (lecture seule)',
  },
};

interface Words {
  readonly subject: string;
  readonly greeting: string;
  readonly invites: string;
  readonly about: string;
  readonly action: string;
  readonly button: string;
  readonly expiry: string;
  readonly ignore: string;
}

function words(input: InvitationEmailInput, expiry: string, role: string): Words {
  const who = `${input.inviter.name} (${input.inviter.email})`;
  if (input.lang === 'fr')
    return {
      subject: `Invitation à rejoindre ${input.organisation} sur mica-audit`,
      greeting: 'Bonjour,',
      invites: `${who} vous invite à rejoindre ${input.organisation} sur mica-audit en tant que ${role}.`,
      about:
        "mica-audit est l'espace où l'équipe d'audit et l'entreprise auditée conduisent ensemble l'audit de conformité MiCA\u00a0: exigences, preuves, constats et plan d'action.",
      action: `Pour accepter, connectez-vous ou créez votre compte avec cette adresse (${input.invitee}), puis ouvrez ce lien\u00a0:`,
      button: "Accepter l'invitation",
      expiry: `Ce lien vous est personnel et expire le ${expiry}.`,
      ignore:
        "Si vous n'attendiez pas cette invitation, ignorez ce message\u00a0: rien ne se passe sans vous.",
    };
  return {
    subject: `Invitation to join ${input.organisation} on mica-audit`,
    greeting: 'Hello,',
    invites: `${who} invites you to join ${input.organisation} on mica-audit as ${role}.`,
    about:
      'mica-audit is the workspace where the audit team and the audited firm run the MiCA compliance audit together: requirements, evidence, findings and the action plan.',
    action: `To accept, sign in or create your account with this address (${input.invitee}), then open this link:`,
    button: 'Accept the invitation',
    expiry: `The link is personal and expires on ${expiry}.`,
    ignore: 'If you did not expect this invitation, ignore this e-mail: nothing happens without you.',
  };
}

/** The expiry in the reader's language, in UTC (the server cannot know the invitee's time zone). */
export function formatExpiry(at: Date, lang: MailLang): string {
  const formatted = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(at);
  return `${formatted} UTC`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Renders the invitation e-mail: organisation, inviter, role, expiry and the accept link, in `lang`. */
export function renderInvitationEmail(input: InvitationEmailInput): RenderedEmail {
  const w = words(input, formatExpiry(input.expiresAt, input.lang), ROLE_NAMES[input.lang][input.role]);
  const text = [
    w.greeting,
    '',
    w.invites,
    '',
    w.about,
    '',
    w.action,
    input.link,
    '',
    w.expiry,
    w.ignore,
    '',
  ].join('\n');
  const p = (line: string) => `<p>${escapeHtml(line)}</p>`;
  const link = escapeHtml(input.link);
  const html = [
    '<!doctype html>',
    `<html lang="${input.lang}"><head><meta charset="utf-8"><title>${escapeHtml(w.subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 40em">',
    p(w.greeting),
    p(w.invites),
    p(w.about),
    p(w.action),
    `<p><a href="${link}" style="display: inline-block; padding: 0.6em 1.2em; background: #1d4ed8; color: #ffffff; text-decoration: none; border-radius: 4px">${escapeHtml(w.button)}</a></p>`,
    `<p style="font-size: 0.9em; word-break: break-all"><a href="${link}">${link}</a></p>`,
    p(w.expiry),
    `<p style="font-size: 0.9em; color: #555555">${escapeHtml(w.ignore)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: w.subject, text, html };
}

/** The first of en/fr in an Accept-Language header, by the header's preference order; undefined when neither. */
export function langFromHeader(header: string | undefined): MailLang | undefined {
  if (header === undefined) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return {
        lang: tag.trim().toLowerCase().split('-')[0] ?? '',
        q: q === undefined ? 1 : Number(q),
        index,
      };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.lang).find((lang): lang is MailLang => lang === 'en' || lang === 'fr');
}
