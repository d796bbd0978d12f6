import { useEffect, useMemo, useState } from 'react';
import { api, query } from '../api/client.ts';
import type { Assessment, Engagement, Page, Scoping } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useLoad } from '../shell/async.tsx';
import { Field, GroupError } from './form-field.tsx';
import type { VulnerabilityDraft } from './risk-form.ts';
import type { FindingView } from './types.ts';
import { engagementPath, loadAll } from './use-register.ts';

type Titles = ReadonlyMap<string, string>;

/** Finds findings by words of their title and links them; linked ones show as removable chips. */
function FindingPicker({
  base,
  value,
  titles,
  error,
  onChange,
  remember,
}: {
  readonly base: string;
  readonly value: readonly string[];
  readonly titles: Titles;
  readonly error: string | undefined;
  readonly onChange: (ids: readonly string[]) => void;
  readonly remember: (findings: readonly FindingView[]) => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<readonly FindingView[]>([]);
  useEffect(() => {
    const words = search.trim();
    if (words === '') {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    // Wait for a pause in typing before asking the server.
    const timer = setTimeout(() => {
      api<Page<FindingView>>(
        'GET',
        `${base}/findings${query({ q: words, pageSize: 10, sort: '-severity' })}`,
        {
          signal: controller.signal,
        },
      ).then(
        (page) => {
          setResults(page.items);
          remember(page.items);
        },
        () => setResults([]),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [base, search, remember]);
  return (
    <div className="finding-picker">
      <Field label={t('risk.field.findings')} error={error} hint={t('risk.hint.findings')} className="field">
        {(p) => <input {...p} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
      </Field>
      {results.filter((f) => !value.includes(f.id)).length > 0 && (
        <ul className="plain picker-results" aria-label={t('risk.findingResults')}>
          {results
            .filter((f) => !value.includes(f.id))
            .map((f) => (
              <li key={f.id}>
                <button type="button" className="link-button" onClick={() => onChange([...value, f.id])}>
                  {t('risk.linkFinding', { title: f.title })}
                </button>{' '}
                <span className={`severity severity-${f.severity}`}>{f.severity}</span>{' '}
                <span className="muted small">{f.tool}</span>
              </li>
            ))}
        </ul>
      )}
      {value.length > 0 && (
        <ul className="plain chips" aria-label={t('risk.linkedFindings')}>
          {value.map((id) => (
            <li key={id} className="chip">
              {titles.get(id) ?? id}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('risk.unlinkFinding', { title: titles.get(id) ?? id })}
                onClick={() => onChange(value.filter((v) => v !== id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The vulnerabilities a threat exploits, each with the findings and failed requirements that show it. */
export function Vulnerabilities({
  engagement,
  value,
  errors,
  onChange,
}: {
  readonly engagement: Engagement;
  readonly value: readonly VulnerabilityDraft[];
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (next: readonly VulnerabilityDraft[]) => void;
}) {
  const { t, lang } = useI18n();
  const base = engagementPath(engagement.organisationId, engagement.id);
  const [titles, setTitles] = useState<Titles>(new Map());
  const remember = useMemo(
    () => (findings: readonly FindingView[]) =>
      setTitles((m) => new Map([...m, ...findings.map((f) => [f.id, f.title] as const)])),
    [],
  );
  const linked = [...new Set(value.flatMap((v) => v.findingIds))];
  const unknown = linked.filter((id) => !titles.has(id)).join(',');
  useEffect(() => {
    // Titles of findings linked before this form opened.
    if (unknown === '') return;
    const controller = new AbortController();
    Promise.all(
      unknown.split(',').map((id) =>
        api<FindingView>('GET', `${base}/findings/${encodeURIComponent(id)}`, {
          signal: controller.signal,
        }),
      ),
    ).then(remember, () => undefined);
    return () => controller.abort();
  }, [base, unknown, remember]);
  const [failed] = useLoad(
    async (signal) => {
      const [assessments, scoping] = await Promise.all([
        loadAll<Assessment>(`${base}/assessments`, signal, { status: 'non-compliant,partially-compliant' }),
        api<Scoping>('GET', `${base}/scoping${query({ lang })}`, { signal }),
      ]);
      const byUrn = new Map(scoping.requirements.map((r) => [r.urn, r]));
      return assessments.map((a) => {
        const r = byUrn.get(a.requirementUrn);
        return {
          urn: a.requirementUrn,
          label: r === undefined ? a.requirementUrn : `${r.regulation} ${r.ref} — ${r.title}`,
          status: a.status,
        };
      });
    },
    [base, lang],
  );
  const update = (index: number, patch: Partial<VulnerabilityDraft>) =>
    onChange(value.map((v, i) => (i === index ? { ...v, ...patch } : v)));
  return (
    <fieldset className="group">
      <legend>{t('risk.vulnerabilities')}</legend>
      <GroupError error={errors.vulnerabilities} />
      {value.length === 0 && <p className="muted small">{t('risk.noVulnerability')}</p>}
      {value.map((v, index) => {
        const path = `vulnerabilities[${index}]`;
        return (
          <fieldset key={v.key} className="group vulnerability">
            <legend>{t('risk.vulnerability', { n: index + 1 })}</legend>
            <Field label={t('risk.field.vulnerability')} error={errors[`${path}.description`]}>
              {(p) => (
                <textarea
                  {...p}
                  rows={2}
                  value={v.description}
                  onChange={(e) => update(index, { description: e.target.value })}
                />
              )}
            </Field>
            <FindingPicker
              base={base}
              value={v.findingIds}
              titles={titles}
              error={errors[`${path}.findingIds`]}
              onChange={(findingIds) => update(index, { findingIds })}
              remember={remember}
            />
            <div className="field">
              <p id={`${v.key}-failed`} className="strong">
                {t('risk.field.failedRequirements')}
              </p>
              <GroupError error={errors[`${path}.failedRequirementUrns`]} />
              {failed.kind === 'ok' && failed.value.length === 0 && (
                <p className="muted small">{t('risk.noFailed')}</p>
              )}
              {failed.kind === 'ok' && failed.value.length > 0 && (
                <div className="checklist" role="group" tabIndex={0} aria-labelledby={`${v.key}-failed`}>
                  {failed.value.map((r) => (
                    <label key={r.urn} className="choice">
                      <input
                        type="checkbox"
                        checked={v.failedRequirementUrns.includes(r.urn)}
                        onChange={(e) =>
                          update(index, {
                            failedRequirementUrns: e.target.checked
                              ? [...v.failedRequirementUrns, r.urn]
                              : v.failedRequirementUrns.filter((u) => u !== r.urn),
                          })
                        }
                      />
                      <span>
                        {r.label} <span className="muted small">({t(`status.${r.status}`)})</span>
                      </span>
                    </label>
                  ))}
                </div>
              )}
            </div>
            <button type="button" onClick={() => onChange(value.filter((_, i) => i !== index))}>
              {t('risk.removeVulnerability', { n: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() =>
          onChange([
            ...value,
            {
              key: `new-${Date.now()}-${value.length}`,
              description: '',
              findingIds: [],
              failedRequirementUrns: [],
            },
          ])
        }
      >
        {t('risk.addVulnerability')}
      </button>
    </fieldset>
  );
}
