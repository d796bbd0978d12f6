import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/client.ts';
import type { Engagement } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Status, useLoad } from '../shell/async.tsx';
import { EngagementNav } from '../shell/engagement-nav.tsx';
import { IssueForm } from './issue-form.tsx';
import { ReportCard } from './report-card.tsx';
import type { IssuedReport } from './report-files.ts';
import './reports.css';
import { VerifyPanel, type ManifestSource } from './verify-panel.tsx';

/** Engagement → Reports: issue deliverables, list what was issued with manifests, preview, download, verify. */
export function ReportsPage() {
  const { t, dateTime } = useI18n();
  const { organisationId = '', engagementId = '' } = useParams();
  const base = `/api/organisations/${organisationId}/engagements/${engagementId}`;
  const reportsUrl = `${base}/reports`;
  const [engagement, reloadEngagement] = useLoad(
    (signal) => api<Engagement>('GET', base, { signal }),
    [base],
  );
  const [reports, reloadReports] = useLoad(
    async (signal) => (await api<{ items: readonly IssuedReport[] }>('GET', reportsUrl, { signal })).items,
    [reportsUrl],
  );
  const [issued, setIssued] = useState<string | undefined>();
  const [verifying, setVerifying] = useState<ManifestSource | undefined>();
  const verifyPanel = useRef<HTMLElement>(null);

  if (engagement.kind !== 'ok') return <Status state={engagement} onRetry={reloadEngagement} />;
  const canIssue = engagement.value.permissions.includes('report.issue');
  const newest = reports.kind === 'ok' ? reports.value[0] : undefined;
  return (
    <div className="reports">
      <EngagementNav engagement={engagement.value} />
      <h2>{t('reports.title')}</h2>
      {canIssue ? (
        <IssueForm
          organisationId={organisationId}
          reportsUrl={reportsUrl}
          onIssued={(reportId) => {
            setIssued(reportId);
            reloadReports();
          }}
        />
      ) : (
        <p className="info">{t('reports.issue.notAllowed')}</p>
      )}
      <section aria-labelledby="issued-title">
        <h3 id="issued-title">{t('reports.issued.title')}</h3>
        {issued !== undefined && newest?.id === issued && (
          <p className="notice" role="status">
            {t('reports.issued.done', {
              version: newest.reportVersion,
              when: dateTime(newest.createdAt),
            })}
          </p>
        )}
        {reports.kind !== 'ok' ? (
          <Status state={reports} onRetry={reloadReports} />
        ) : reports.value.length === 0 ? (
          <p className="muted">{t('reports.issued.empty')}</p>
        ) : (
          reports.value.map((report, index) => (
            <ReportCard
              // A new report remounts the list so that the newest one opens.
              key={`${report.id}:${newest?.id ?? ''}`}
              report={report}
              reportsUrl={reportsUrl}
              initiallyOpen={index === 0}
              onVerify={(manifest, r) => {
                setVerifying({
                  manifest,
                  source: t('reports.verify.source', { version: r.reportVersion }),
                });
                verifyPanel.current?.focus();
                verifyPanel.current?.scrollIntoView({ block: 'start' });
              }}
            />
          ))
        )}
      </section>
      <VerifyPanel ref={verifyPanel} manifest={verifying} onManifest={setVerifying} />
    </div>
  );
}
