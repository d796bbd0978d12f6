/** The accept route of the web app; the server builds the same link for its e-mails. */
export const ACCEPT_PATH = '/invitations/accept';

/** The accept link for a token, on this server's origin. */
export function acceptLink(origin: string, token: string): string {
  return `${origin}${ACCEPT_PATH}?token=${encodeURIComponent(token)}`;
}

/** What an invitation answer (create or resend) tells the admin to do next. */
export type Delivery =
  | { readonly kind: 'mailed' }
  | { readonly kind: 'link'; readonly link: string }
  | { readonly kind: 'unknown' };

/**
 * Reads create/resend answers: `mailed: true` → the e-mail is queued; otherwise the accept link the server answered
 * once (`acceptUrl`, made absolute on this origin when the server has no public URL, or built from `token`) for the
 * admin to pass on.
 */
export function deliveryOf(
  answer: { readonly mailed?: boolean; readonly acceptUrl?: string; readonly token?: string },
  origin: string,
): Delivery {
  if (answer.mailed === true) return { kind: 'mailed' };
  if (typeof answer.acceptUrl === 'string' && answer.acceptUrl !== '')
    return { kind: 'link', link: new URL(answer.acceptUrl, origin).href };
  if (typeof answer.token === 'string' && answer.token !== '')
    return { kind: 'link', link: acceptLink(origin, answer.token) };
  return { kind: 'unknown' };
}

/** Whole days left before `expiresAt` (0 on the last day, negative once expired). */
export function daysLeft(expiresAt: string, now: Date): number {
  return Math.floor((Date.parse(expiresAt) - now.getTime()) / 86_400_000);
}

export type AcceptProblem = 'expired' | 'wrongAccount' | 'used' | 'revoked' | 'unusable' | 'other';

/**
 * Why accepting failed, from the server's error code. A server that answers one code for every case (so a token
 * never reveals whether it exists, as mica-audit's does) gets `unusable`, explained with every possible cause.
 */
export function acceptProblem(code: string, status: number): AcceptProblem {
  if (/expired/.test(code)) return 'expired';
  if (/wrong_(account|email|user)|email_mismatch|other_email/.test(code)) return 'wrongAccount';
  if (/already_(accepted|used|member)|used/.test(code)) return 'used';
  if (/revoked|withdrawn/.test(code)) return 'revoked';
  if (code === 'invitation.not_found' || status === 404) return 'unusable';
  return 'other';
}
