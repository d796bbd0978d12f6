import {
  ASSESSMENT_STATUSES,
  caspPrudentialRequirement,
  type AssessmentStatus,
  type CaspPrudentialRequirement,
  type GroupScore,
} from '@mica-audit/core';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import type { Engagement } from '../api/types.ts';
import { useDomainLabel, useI18n } from '../i18n/i18n.tsx';
import { EngagementNav } from '../shell/engagement-nav.tsx';
import { compareTitleKeys } from '../workspace/titles.ts';
import { useWorkspace } from '../workspace/use-workspace.ts';
import { ScoreChart } from './bar-chart.tsx';
import { scoreEngagement } from './scores.ts';

function ownFundsOf(engagement: Engagement): CaspPrudentialRequirement | undefined {
  try {
    return caspPrudentialRequirement(engagement.profile);
  } catch {
    return undefined; // A CASP profile without services has no Annex IV class yet.
  }
}

/** Scores by regulation, title and domain, coverage, statuses and the Art. 67 own-funds requirement. */
export function DashboardPage() {
  const { t, lang, number } = useI18n();
  const domain = useDomainLabel();
  const { organisationId = '', engagementId = '' } = useParams();
  const ws = useWorkspace(organisationId, engagementId, lang);
  const data = ws.load.kind === 'ok' ? ws.load.data : undefined;
  const report = useMemo(
    () =>
      data === undefined ? undefined : scoreEngagement(data.scoping.requirements, ws.assessments.values()),
    [data, ws.assessments],
  );
  if (ws.load.kind === 'loading')
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  if (data === undefined || report === undefined)
    return (
      <p role="alert" className="error">
        {t('app.error', { message: ws.load.kind === 'error' ? ws.load.message : '' })}
      </p>
    );
  const overall = report.overall;
  const ownFunds = ownFundsOf(data.engagement);
  const pct = (v: number | null) => (v === null ? t('dash.noScore') : `${number(v, 1)} %`);
  const titleLabel = (key: string) => {
    const [regulation = '', ref = ''] = key.split(':');
    if (ref === '-') return `${regulation} · ${t('tree.other')}`;
    if (ref.startsWith('Annex')) return `${regulation} · ${t('tree.annex', { ref: ref.slice(6) })}`;
    return `${regulation} · ${t(regulation === 'MiCA' ? 'tree.title' : 'tree.chapter', { ref })}`;
  };
  // Statuses of the engagement's own assessments: requirements excluded by scoping are not part of the picture.
  const statusCounts = Object.fromEntries(ASSESSMENT_STATUSES.map((st) => [st, 0])) as Record<
    AssessmentStatus,
    number
  >;
  for (const a of ws.assessments.values()) statusCounts[a.status] += 1;
  const total = ws.assessments.size;
  const micaFirst = (groups: readonly GroupScore[]) =>
    [...groups].sort((a, b) => Number(b.key.startsWith('MiCA')) - Number(a.key.startsWith('MiCA')));
  let x = 0;
  return (
    <div className="dashboard">
      <EngagementNav engagement={data.engagement} />
      <h2>{t('dash.title')}</h2>
      <div className="kpis">
        <div className="kpi card">
          <span className="kpi-label">{t('dash.overall')}</span>
          <span className="kpi-value">{pct(overall.score)}</span>
        </div>
        <div className="kpi card">
          <span className="kpi-label">{t('dash.coverage')}</span>
          <span className="kpi-value">{pct(overall.coverage)}</span>
        </div>
        <div className="kpi card">
          <span className="kpi-label">{t('dash.maturity')}</span>
          <span className="kpi-value">
            {overall.maturity === null ? '–' : `${number(overall.maturity, 1)} / 5`}
          </span>
        </div>
        <div className="kpi card">
          <span className="kpi-label">{t('dash.applicable')}</span>
          <span className="kpi-value">{overall.applicable}</span>
        </div>
      </div>
      <section className="card" aria-labelledby="statuses-title">
        <h3 id="statuses-title">{t('dash.statuses')}</h3>
        <svg
          viewBox="0 0 1000 28"
          width="100%"
          role="img"
          aria-labelledby="statuses-title"
          aria-describedby="statuses-legend"
        >
          {ASSESSMENT_STATUSES.map((s) => {
            const w = total === 0 ? 0 : (statusCounts[s] / total) * 1000;
            const rect = <rect key={s} x={x} y={0} width={w} height={28} className={`fill-${s}`} />;
            x += w;
            return rect;
          })}
        </svg>
        <ul id="statuses-legend" className="legend">
          {ASSESSMENT_STATUSES.map((s) => (
            <li key={s}>
              <span className={`swatch fill-${s}`} aria-hidden="true" /> {t(`status.${s}`)}: {statusCounts[s]}
            </li>
          ))}
        </ul>
      </section>
      <div className="charts">
        <ScoreChart
          title={t('dash.byRegulation')}
          groups={micaFirst(report.byRegulation)}
          labelOf={(k) => k}
        />
        <ScoreChart
          title={t('dash.byTitle')}
          groups={report.byTitle
            .filter((g) => g.applicable > 0)
            .sort((a, b) => compareTitleKeys(a.key, b.key))}
          labelOf={titleLabel}
        />
        <ScoreChart
          title={t('dash.byDomain')}
          groups={report.byDomain.filter((g) => g.applicable > 0)}
          labelOf={domain}
        />
      </div>
      <section className="card" aria-labelledby="own-funds-title">
        <h3 id="own-funds-title">{t('dash.ownFunds')}</h3>
        {ownFunds === undefined || !ownFunds.applicable ? (
          <p>{t('dash.ownFunds.notApplicable')}</p>
        ) : (
          <dl className="figures">
            <dt>{t('dash.ownFunds.class')}</dt>
            <dd>{ownFunds.class}</dd>
            <dt>{t('dash.ownFunds.minimum')}</dt>
            <dd>EUR {number(ownFunds.permanentMinimumEUR ?? 0)}</dd>
            <dt>{t('dash.ownFunds.quarter')}</dt>
            <dd>
              {ownFunds.fixedOverheadsQuarterEUR === null
                ? '–'
                : `EUR ${number(ownFunds.fixedOverheadsQuarterEUR)}`}
            </dd>
            <dt>{t('dash.ownFunds.required')}</dt>
            <dd>
              <strong>EUR {number(ownFunds.requiredOwnFundsEUR ?? 0)}</strong>
            </dd>
            {data.engagement.profile.facts.ownFundsEUR !== undefined && (
              <>
                <dt>{t('dash.ownFunds.held')}</dt>
                <dd>EUR {number(Number(data.engagement.profile.facts.ownFundsEUR))}</dd>
              </>
            )}
          </dl>
        )}
      </section>
    </div>
  );
}
