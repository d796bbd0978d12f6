import { useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Delivery } from './invitation-logic.ts';

/**
 * What happened to an invitation just sent: e-mailed, or (no mail on this server) the accept link with a copy
 * button, since the server shows it only this once.
 */
export function SentNotice({
  email,
  delivery,
  onDismiss,
}: {
  readonly email: string;
  readonly delivery: Delivery;
  readonly onDismiss: () => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>();
  const linkId = useId();

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard access (permissions, older browser): select the link so Ctrl+C copies it.
      input.current?.select();
      setCopied('no');
    }
  }

  if (delivery.kind === 'mailed')
    return (
      <p role="status" className="notice">
        {t('invite.mailed', { email })}{' '}
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('app.close')}
        </button>
      </p>
    );
  if (delivery.kind === 'unknown')
    return (
      <p role="status" className="notice">
        {t('invite.createdNoLink', { email })}
      </p>
    );
  return (
    <div className="card invite-link" role="region" aria-labelledby={`${linkId}-title`}>
      <h3 id={`${linkId}-title`}>{t('invite.notMailedTitle')}</h3>
      <p>{t('invite.notMailed', { email })}</p>
      <div className="invite-link-row">
        <label className="field grow">
          <span>{t('invite.link')}</span>
          <input ref={input} id={linkId} readOnly value={delivery.link} onFocus={(e) => e.target.select()} />
        </label>
        <button type="button" className="primary" onClick={() => void copy(delivery.link)}>
          {t('invite.copy')}
        </button>
      </div>
      <p role="status" className="muted small">
        {copied === 'yes' && t('invite.copied')}
        {copied === 'no' && t('invite.copyManually')}
      </p>
      <div className="actions">
        <button type="button" onClick={onDismiss}>
          {t('invite.linkPassedOn')}
        </button>
      </div>
    </div>
  );
}
