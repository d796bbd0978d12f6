import { useState } from 'react';
import { api, query, upload } from '../api/client.ts';
import type { Evidence } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FileDrop } from '../shell/file-drop.tsx';
import { suggestedEvidence } from './evidence-suggestions.ts';

/** SHA-256 of a file in the browser, hex; compared with the hash the server computes while streaming. */
async function sha256(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function bytes(n: number, number: (n: number, d?: number) => string): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${number(n / 1024, 1)} KiB`;
  return `${number(n / 1024 / 1024, 1)} MiB`;
}

/** Evidence of one requirement: drop or choose files to upload and link them, link existing evidence, unlink. */
export function EvidencePanel({
  organisationId,
  engagementId,
  urn,
  mappedUrns,
  describe,
  evidence,
  canUpload,
  canLink,
  onChange,
}: {
  readonly organisationId: string;
  readonly engagementId: string;
  readonly urn: string;
  /** Requirements of other regulations mapped to this one: their evidence is offered here too. */
  readonly mappedUrns: readonly string[];
  /** How to name a requirement for people, e.g. "DORA Art. 11(1)". */
  readonly describe: (urn: string) => string;
  readonly evidence: readonly Evidence[];
  readonly canUpload: boolean;
  readonly canLink: boolean;
  readonly onChange: (update: (list: readonly Evidence[]) => readonly Evidence[]) => void;
}) {
  const { t, number, date } = useI18n();
  const [messages, setMessages] = useState<readonly { text: string; error: boolean }[]>([]);
  const [linkId, setLinkId] = useState('');
  const [dates, setDates] = useState({ effectiveDate: '', expiryDate: '' });
  const base = `/api/organisations/${organisationId}/evidence`;
  const linked = evidence.filter((e) => e.requirementUrns.includes(urn));
  const linkable = evidence.filter((e) => !e.requirementUrns.includes(urn));
  const suggested = suggestedEvidence(evidence, urn, mappedUrns);

  const replace = (updated: Evidence) =>
    onChange((list) =>
      list.some((e) => e.id === updated.id)
        ? list.map((e) => (e.id === updated.id ? updated : e))
        : [updated, ...list],
    );

  async function uploadFiles(files: readonly File[]) {
    for (const file of files) {
      setMessages((m) => [...m, { text: t('evidence.uploading', { name: file.name }), error: false }]);
      try {
        const [local, created] = await Promise.all([
          sha256(file),
          upload<Evidence>(
            `${base}${query({
              engagementId,
              title: file.name,
              effectiveDate: dates.effectiveDate === '' ? undefined : dates.effectiveDate,
              expiryDate: dates.expiryDate === '' ? undefined : dates.expiryDate,
            })}`,
            file,
            file.name,
          ),
        ]);
        const withLink = await api<Evidence>('POST', `${base}/${created.id}/links`, {
          body: { requirementUrn: urn },
        });
        replace(withLink);
        setMessages((m) => [
          ...m.slice(0, -1),
          local === created.sha256
            ? { text: t('evidence.uploaded', { name: file.name }), error: false }
            : { text: t('evidence.hashMismatch', { name: file.name }), error: true },
        ]);
      } catch (error) {
        setMessages((m) => [
          ...m.slice(0, -1),
          { text: `${file.name}: ${error instanceof Error ? error.message : String(error)}`, error: true },
        ]);
      }
    }
  }

  async function setLink(id: string, link: boolean) {
    try {
      const updated = link
        ? await api<Evidence>('POST', `${base}/${id}/links`, { body: { requirementUrn: urn } })
        : await api<Evidence>('DELETE', `${base}/${id}/links${query({ requirementUrn: urn })}`);
      replace(updated);
    } catch (error) {
      setMessages((m) => [
        ...m,
        { text: error instanceof Error ? error.message : String(error), error: true },
      ]);
    }
  }

  return (
    <section aria-labelledby="evidence-title" className="evidence">
      <h3 id="evidence-title">{t('evidence.title')}</h3>
      {canUpload && (
        <FileDrop chooseLabel={t('evidence.choose')} onFiles={(files) => void uploadFiles(files)}>
          <p>{t('evidence.drop')}</p>
          <div className="form-row dates">
            <label className="field">
              <span>{t('evidence.effectiveDate')}</span>
              <input
                type="date"
                value={dates.effectiveDate}
                onChange={(e) => setDates({ ...dates, effectiveDate: e.target.value })}
              />
            </label>
            <label className="field">
              <span>{t('evidence.expiryDate')}</span>
              <input
                type="date"
                value={dates.expiryDate}
                onChange={(e) => setDates({ ...dates, expiryDate: e.target.value })}
              />
            </label>
          </div>
        </FileDrop>
      )}
      <div aria-live="polite">
        {messages.map((m, i) => (
          <p key={i} className={m.error ? 'error' : 'notice'}>
            {m.text}
          </p>
        ))}
      </div>
      <h4>{t('evidence.linked')}</h4>
      {linked.length === 0 && <p className="muted">{t('evidence.none')}</p>}
      <ul className="evidence-list">
        {linked.map((e) => (
          <li key={e.id}>
            <a
              href={`${base}/${e.id}/content`}
              download={e.fileName}
              aria-label={t('evidence.download', { name: e.title })}
            >
              {e.title}
            </a>{' '}
            <span className="muted small">
              {t('evidence.version', { n: e.version })} · {bytes(e.size, number)} · {e.mediaType}
              {e.effectiveDate !== null && <> · {t('evidence.effective', { date: date(e.effectiveDate) })}</>}
              {e.expiryDate !== null && <> · {t('evidence.expires', { date: date(e.expiryDate) })}</>}
              {' · '}
              {t('evidence.supports', { n: e.requirementUrns.length })}
            </span>
            <div className="hash">
              <abbr title="SHA-256">{t('evidence.sha256')}</abbr> <code>{e.sha256}</code>
            </div>
            {canLink && (
              <button type="button" className="link-button" onClick={() => void setLink(e.id, false)}>
                {t('evidence.unlink', { name: e.title })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {suggested.length > 0 && (
        <>
          <h4>{t('evidence.suggested')}</h4>
          <ul className="evidence-list">
            {suggested.map((s) => (
              <li key={s.evidence.id}>
                {s.evidence.title}{' '}
                <span className="muted small">
                  {t('evidence.suggestedVia', { refs: s.via.map(describe).join(', ') })}
                </span>
                {canLink && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void setLink(s.evidence.id, true)}
                  >
                    {t('evidence.linkSuggested', { name: s.evidence.title })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {canLink && linkable.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (linkId !== '') void setLink(linkId, true);
          }}
        >
          <label className="inline-field">
            <span>{t('evidence.link')}</span>
            <select value={linkId} onChange={(e) => setLinkId(e.target.value)}>
              <option value="">—</option>
              {linkable.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title} ({e.sha256.slice(0, 12)}…)
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('evidence.linkButton')}</button>
        </form>
      )}
    </section>
  );
}
