import { describe, expect, it } from 'vitest';
import { acceptLink, acceptProblem, daysLeft, deliveryOf } from './invitation-logic.ts';

describe('invitations', () => {
  it('builds the accept link on this origin, the token escaped', () => {
    expect(acceptLink('https://audit.example.com', 'mica_inv_a+b/c')).toBe(
      'https://audit.example.com/invitations/accept?token=mica_inv_a%2Bb%2Fc',
    );
  });

  it('tells mailed invitations from links to pass on', () => {
    const origin = 'http://127.0.0.1:4102';
    expect(deliveryOf({ mailed: true }, origin)).toEqual({ kind: 'mailed' });
    expect(
      deliveryOf(
        { mailed: false, acceptUrl: 'https://audit.example.com/invitations/accept?token=t' },
        origin,
      ),
    ).toEqual({ kind: 'link', link: 'https://audit.example.com/invitations/accept?token=t' });
    // A server without a public URL answers a relative link: it is on this origin.
    expect(deliveryOf({ mailed: false, acceptUrl: '/invitations/accept?token=t' }, origin)).toEqual({
      kind: 'link',
      link: 'http://127.0.0.1:4102/invitations/accept?token=t',
    });
    expect(deliveryOf({ mailed: false, token: 'mica_inv_t' }, origin)).toEqual({
      kind: 'link',
      link: 'http://127.0.0.1:4102/invitations/accept?token=mica_inv_t',
    });
    expect(deliveryOf({ mailed: false }, origin)).toEqual({ kind: 'unknown' });
  });

  it('counts whole days left', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(daysLeft('2026-11-29T12:00:00Z', now)).toBe(7);
    expect(daysLeft('2026-11-23T11:00:00Z', now)).toBe(0);
    expect(daysLeft('2026-11-22T11:00:00Z', now)).toBe(-1);
  });

  it('explains why accepting failed', () => {
    expect(acceptProblem('invitation.expired', 410)).toBe('expired');
    expect(acceptProblem('invitation.wrong_account', 403)).toBe('wrongAccount');
    expect(acceptProblem('invitation.email_mismatch', 403)).toBe('wrongAccount');
    expect(acceptProblem('invitation.already_accepted', 409)).toBe('used');
    expect(acceptProblem('invitation.revoked', 410)).toBe('revoked');
    expect(acceptProblem('invitation.not_found', 404)).toBe('unusable');
    expect(acceptProblem('http.500', 500)).toBe('other');
  });
});
