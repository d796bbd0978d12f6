/**
 * Alternative text of the charts: what each chart shows, as the figures it is drawn from, so a reader who cannot see
 * it (screen reader, text extraction) gets the same information. Used by the DOCX (`altText`) and the PDF (`alt`).
 */
import { t } from '../i18n/labels.ts';
import { AUDIT_TYPE_LABELS, KIND_LABELS, MATRIX_LABELS, SEVERITY_LABELS, word } from '../i18n/vocabulary.ts';
import type { ReportModel } from '../model/build-model.ts';
import { AUDIT_TYPES, FINDING_SEVERITIES, type ReportLang } from '../snapshot.schema.ts';
import { colon, groupLabel, num, semicolons } from '../view/format.ts';
import type { Charts } from '../view/types.ts';
import { actionIds } from './report-charts.ts';

/** Word caps alternative text at a few thousand characters; screen readers read far less comfortably. */
const MAX_ALT = 1500;

function join(caption: string, parts: readonly string[], lang: ReportLang): string {
  const text = parts.length === 0 ? `${caption}.` : `${caption}${colon(lang)}${semicolons(parts, lang)}.`;
  return text.length <= MAX_ALT ? text : `${text.slice(0, MAX_ALT - 1)}…`;
}

function open(model: ReportModel) {
  return model.plan.items.filter((i) => i.status !== 'done' && i.status !== 'source-resolved');
}

/** The alternative text of every chart of the report, in one language. */
export function chartAltTexts(model: ReportModel, lang: ReportLang): Charts {
  const score = (value: number | null) => (value === null ? t(lang, 'notAvailable') : num(value, lang, 1));
  const radar = model.scores.byDomain
    .filter((g) => g.score !== null)
    .map((g) => `${model.domainNames.get(g.key)?.[lang] ?? g.key} ${score(g.score)}`);
  const titles = model.scores.byTitle
    .filter((g) => g.score !== null)
    .map((g) => `${groupLabel(g.key, lang)} ${score(g.score)}`);
  const heat = model.register.heatMap.residual
    .filter((c) => c.count > 0)
    .map(
      (c) =>
        `${word(MATRIX_LABELS, model.register.heatMap.likelihood[c.likelihood - 1] ?? '', lang)} × ${word(
          MATRIX_LABELS,
          model.register.heatMap.impact[c.impact - 1] ?? '',
          lang,
        )} ${c.count}`,
    );
  const openFindings = model.snapshot.findings.filter((f) => f.status === 'open');
  const findings = AUDIT_TYPES.filter((a) => openFindings.some((f) => f.auditType === a)).map((a) => {
    const of = openFindings.filter((f) => f.auditType === a);
    const counts = FINDING_SEVERITIES.map((s) => [s, of.filter((f) => f.severity === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${SEVERITY_LABELS[s][lang].toLowerCase()} ${n}`);
    return `${AUDIT_TYPE_LABELS[a][lang]}${colon(lang)}${counts.join(', ')}`;
  });
  const months = Map.groupBy(open(model), (i) => i.dueDate.toISOString().slice(0, 7));
  const timeline = [...months.keys()].sort().map((m) => {
    const items = months.get(m) ?? [];
    const kinds = Object.entries(Object.groupBy(items, (i) => i.kind)).map(
      ([k, list]) => `${word(KIND_LABELS, k, lang).toLowerCase()} ${list?.length ?? 0}`,
    );
    return `${m}${colon(lang)}${kinds.join(', ')}`;
  });
  const ids = actionIds(model);
  const gantt = open(model)
    .slice(0, 20)
    .map(
      (i) =>
        `${ids.get(i.id) ?? i.id} ${t(lang, 'due').toLowerCase()} ${i.dueDate.toISOString().slice(0, 10)}`,
    );
  return {
    radar: join(t(lang, 'figureRadar'), radar, lang),
    titles: join(t(lang, 'figureTitles'), titles, lang),
    heatmap: join(t(lang, 'figureHeatmap'), heat, lang),
    findings: join(t(lang, 'figureFindings'), findings, lang),
    timeline: join(t(lang, 'figureTimeline'), timeline, lang),
    gantt: join(t(lang, 'figureGantt'), gantt, lang),
  };
}
