import { useState, type ReactNode } from 'react';
import { api } from '../api/client.ts';
import type { Engagement } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Status, useLoad } from '../shell/async.tsx';
import { findingFacts, safeHref } from './finding-detail.ts';
import { FindingRequirements, FindingRisks } from './finding-links.tsx';
import { FindingHistory, FindingStatusForm } from './finding-status.tsx';
import { useFindingLabel } from './findings-filters.tsx';
import { Modal } from './modal.tsx';
import type { FindingView } from './types.ts';
import { engagementPath } from './use-register.ts';

/** One finding beside the table: what the tool reported, its status and history, its requirements and risks. */
export function FindingDrawer({
  engagement,
  findingId,
  assetLabel,
  onClose,
  onChanged,
}: {
  readonly engagement: Engagement;
  readonly findingId: string;
  /** Asset names by id (the table's facets), for findings linked to an asset row. */
  readonly assetLabel: ReadonlyMap<string, string>;
  readonly onClose: () => void;
  readonly onChanged: () => void;
}) {
  const { t, number, dateTime } = useI18n();
  const label = useFindingLabel();
  const path = `${engagementPath(engagement.organisationId, engagement.id)}/findings/${encodeURIComponent(findingId)}`;
  const [loaded, , setLoaded] = useLoad((signal) => api<FindingView>('GET', path, { signal }), [path]);
  const [error, setError] = useState<string>();
  if (loaded.kind !== 'ok')
    return (
      <Modal title={t('findingsTable.detail')} onClose={onClose} drawer>
        <Status state={loaded} />
      </Modal>
    );
  const finding = loaded.value;
  const update = (next: FindingView) => {
    setLoaded({ kind: 'ok', value: next });
    onChanged();
  };
  const facts = findingFacts(finding.detail);
  const canUpdate = engagement.permissions.includes('finding.update');
  const row = (term: string, value: ReactNode) => (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <Modal title={finding.title} onClose={onClose} drawer>
      <p>
        <span className={`severity severity-${finding.severity}`}>{label('severity', finding.severity)}</span>{' '}
        <span className="badge">{label('status', finding.status)}</span>{' '}
        <span className="muted small">{t('findingsTable.version', { version: finding.version })}</span>
      </p>
      <dl className="facts">
        {row(
          t('findings.tool'),
          `${finding.tool}${facts.toolVersion === undefined ? '' : ` ${facts.toolVersion}`}`,
        )}
        {row(t('findingsTable.rule'), finding.ruleId === '' ? '–' : <code>{finding.ruleId}</code>)}
        {finding.auditType !== null &&
          row(t('findingsTable.auditType'), label('auditType', finding.auditType))}
        {row(t('findings.asset'), assetLabel.get(finding.assetId ?? '') ?? finding.asset ?? '–')}
        {row(t('findingsTable.location'), facts.location === undefined ? '–' : <code>{facts.location}</code>)}
        {row(
          t('findingsTable.cvss'),
          finding.cvss === null && facts.cvss === undefined ? (
            '–'
          ) : (
            <>
              {number(facts.cvss?.score ?? finding.cvss ?? 0, 1)}
              {facts.cvss?.version !== undefined && ` (CVSS ${facts.cvss.version})`}
              {facts.cvss?.vector !== undefined && (
                <>
                  {' '}
                  <code>{facts.cvss.vector}</code>
                </>
              )}
            </>
          ),
        )}
        {row(
          'CWE',
          facts.cwe.length === 0
            ? '–'
            : facts.cwe.map((cwe, i) => (
                <span key={cwe}>
                  {i > 0 && ', '}
                  <a
                    href={`https://cwe.mitre.org/data/definitions/${cwe}.html`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    CWE-{cwe}
                  </a>
                </span>
              )),
        )}
        {row(
          'CVE',
          facts.cve.length === 0
            ? '–'
            : facts.cve.map((cve, i) => (
                <span key={cve}>
                  {i > 0 && ', '}
                  <a
                    href={`https://nvd.nist.gov/vuln/detail/${encodeURIComponent(cve)}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {cve}
                  </a>
                </span>
              )),
        )}
        {row(t('findingsTable.firstSeen'), dateTime(finding.firstSeen))}
        {row(t('findingsTable.lastSeen'), dateTime(finding.lastSeen))}
        {facts.occurrences !== undefined && row(t('findingsTable.occurrences'), number(facts.occurrences))}
      </dl>
      <h3>{t('findingsTable.description')}</h3>
      <p className="prewrap">{facts.description ?? t('findingsTable.noDescription')}</p>
      {facts.evidence !== undefined && (
        <>
          <h3 id="finding-evidence">{t('findingsTable.evidence')}</h3>
          {/* Focusable so a keyboard user can scroll a long excerpt. */}
          <pre className="snippet" tabIndex={0} aria-labelledby="finding-evidence">
            {facts.evidence}
          </pre>
        </>
      )}
      {facts.references.length > 0 && (
        <>
          <h3>{t('findingsTable.references')}</h3>
          <ul>
            {facts.references.map((r) => {
              const href = safeHref(r);
              return (
                <li key={r}>
                  {href === undefined ? (
                    r
                  ) : (
                    <a href={href} target="_blank" rel="noreferrer">
                      {r}
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {canUpdate && <FindingStatusForm path={path} finding={finding} onSaved={update} onError={setError} />}
      <FindingHistory organisationId={engagement.organisationId} history={finding.statusHistory} />
      <FindingRequirements
        engagement={engagement}
        path={path}
        finding={finding}
        canUpdate={canUpdate}
        onSaved={update}
        onError={setError}
      />
      <FindingRisks engagement={engagement} findingId={finding.id} />
    </Modal>
  );
}
