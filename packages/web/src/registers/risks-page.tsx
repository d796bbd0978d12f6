import { DEFAULT_RISK_MATRIX, levelOf, type RiskLevel } from '@mica-audit/core';
import { useParams } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { Status } from '../shell/async.tsx';
import { EngagementNav } from '../shell/engagement-nav.tsx';
import { useRegister, type Risk } from './use-register.ts';

const MATRIX = DEFAULT_RISK_MATRIX;

/** The risk register with its likelihood × impact heat map (core's default 5×5 matrix and bands). */
export function RisksPage() {
  const { t } = useI18n();
  const { organisationId = '', engagementId = '' } = useParams();
  const risks = useRegister<Risk>(organisationId, engagementId, 'risks');
  if (risks.kind !== 'ok') return <Status state={risks.kind === 'error' ? risks : { kind: 'loading' }} />;
  const level = (r: Risk): RiskLevel => levelOf(r.likelihood * r.impact, MATRIX);
  const sorted = [...risks.items].sort((a, b) => b.likelihood * b.impact - a.likelihood * a.impact);
  const likelihoods = MATRIX.likelihood.map((_, i) => MATRIX.likelihood.length - i);
  return (
    <div>
      <EngagementNav engagement={risks.engagement} />
      <h2>{t('risks.title')}</h2>
      <div className="risks-layout">
        <section className="card" aria-labelledby="heatmap-title">
          <h3 id="heatmap-title">{t('risks.heatMap')}</h3>
          <table className="heatmap">
            <caption className="sr-only">{t('risks.heatMapCaption')}</caption>
            <thead>
              <tr>
                <td />
                {MATRIX.impact.map((label, i) => (
                  <th key={label} scope="col">
                    {i + 1}
                    <br />
                    <span className="small">{label}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {likelihoods.map((l) => (
                <tr key={l}>
                  <th scope="row">
                    {l} <span className="small">{MATRIX.likelihood[l - 1]}</span>
                  </th>
                  {MATRIX.impact.map((_, i) => {
                    const impact = i + 1;
                    const here = risks.items.filter((r) => r.likelihood === l && r.impact === impact);
                    return (
                      <td
                        key={impact}
                        className={`cell-${levelOf(l * impact, MATRIX)}`}
                        title={here.map((r) => r.title).join('\n')}
                      >
                        {here.length > 0 ? here.length : ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small muted">{t('risks.axes')}</p>
        </section>
        <section className="card" aria-labelledby="register-title">
          <h3 id="register-title">{t('risks.register')}</h3>
          {sorted.length === 0 ? (
            <p className="muted">{t('risks.empty')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('risks.risk')}</th>
                  <th scope="col">{t('risks.likelihood')}</th>
                  <th scope="col">{t('risks.impact')}</th>
                  <th scope="col">{t('risks.score')}</th>
                  <th scope="col">{t('risks.level')}</th>
                  <th scope="col">{t('risks.treatment')}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.title}</th>
                    <td>{r.likelihood}</td>
                    <td>{r.impact}</td>
                    <td>{r.likelihood * r.impact}</td>
                    <td>
                      <span className={`level level-${level(r)}`}>{t(`risks.level.${level(r)}`)}</span>
                    </td>
                    <td>{r.treatment}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}
