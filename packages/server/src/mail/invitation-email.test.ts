import { describe, expect, it } from 'vitest';
import {
  formatExpiry,
  langFromHeader,
  renderInvitationEmail,
  type InvitationEmailInput,
} from './invitation-email.ts';

const INPUT: InvitationEmailInput = {
  lang: 'en',
  organisation: 'Garde <Numérique> & Co',
  inviter: { name: 'Camille Martin', email: 'camille@lumiere.test' },
  invitee: 'ines@garde.test',
  role: 'contributor',
  expiresAt: new Date('2026-12-09T14:30:00Z'),
  link: 'https://audit.example.com/invitations/accept?token=mica_inv_abc',
};

describe('invitation e-mail', () => {
  it('names the organisation, the inviter, the role, the expiry and the link, in English', () => {
    const mail = renderInvitationEmail(INPUT);
    expect(mail.subject).toBe('Invitation to join Garde <Numérique> & Co on mica-audit');
    expect(mail.text).toContain(
      'Camille Martin (camille@lumiere.test) invites you to join Garde <Numérique> & Co on mica-audit as client contributor.',
    );
    expect(mail.text).toContain('with this address (ines@garde.test)');
    expect(mail.text).toContain('expires on 9 December 2026 at 14:30 UTC');
    expect(mail.text).toContain(`\n${INPUT.link}\n`);
  });

  it('speaks French when asked', () => {
    const mail = renderInvitationEmail({ ...INPUT, lang: 'fr', role: 'lead-auditor' });
    expect(mail.subject).toBe('Invitation à rejoindre Garde <Numérique> & Co sur mica-audit');
    expect(mail.text).toContain('en tant que auditeur principal');
    expect(mail.text).toContain('expire le 9 décembre 2026');
    expect(mail.html).toContain('<html lang="fr">');
  });

  it('puts a no-break space before each French colon, in the text and the HTML', () => {
    const mail = renderInvitationEmail({ ...INPUT, lang: 'fr' });
    expect(mail.text).toContain('conformité MiCA\u00a0: exigences');
    expect(mail.text).toContain('puis ouvrez ce lien\u00a0:');
    expect(mail.text).toContain('ignorez ce message\u00a0: rien');
    for (const body of [mail.subject, mail.text, mail.html]) expect(body).not.toMatch(/ [:;?!]|’/);
    expect(renderInvitationEmail(INPUT).text).not.toMatch(/[\u00a0\u202f][:;?!]/);
  });

  it('escapes names in the HTML version and links the button and the address', () => {
    const mail = renderInvitationEmail(INPUT);
    expect(mail.html).toContain('Garde &lt;Numérique&gt; &amp; Co');
    expect(mail.html).not.toContain('<Numérique>');
    expect(
      mail.html.match(/href="https:\/\/audit\.example\.com\/invitations\/accept\?token=mica_inv_abc"/g),
    ).toHaveLength(2);
  });

  it('formats the expiry in UTC for each language', () => {
    expect(formatExpiry(INPUT.expiresAt, 'fr')).toBe('9 décembre 2026 à 14:30 UTC');
  });

  it.each([
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE, en;q=0.5, fr;q=0.8', 'fr'],
    ['en-GB', 'en'],
    ['de, es', undefined],
    ['fr;q=0, en', 'en'],
    [undefined, undefined],
  ] as const)('reads %s from Accept-Language as %s', (header, lang) => {
    expect(langFromHeader(header)).toBe(lang);
  });
});
