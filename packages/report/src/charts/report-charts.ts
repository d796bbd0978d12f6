/** The report's charts, as SVG: radar by domain, bars by title, residual risk heat map, findings, action timeline. */
import type { GroupScore } from '@mica-audit/core';
import { t } from '../i18n/labels.ts';
import { AUDIT_TYPE_LABELS, KIND_LABELS, MATRIX_LABELS, SEVERITY_LABELS, word } from '../i18n/vocabulary.ts';
import type { ReportModel } from '../model/build-model.ts';
import { AUDIT_TYPES, FINDING_SEVERITIES, type ReportLang } from '../snapshot.schema.ts';
import { groupLabel, num } from '../view/format.ts';
import type { Charts } from '../view/types.ts';
import { PALETTE, renderChart } from './render-chart.ts';

const LEVELS = ['low', 'medium', 'high', 'critical'] as const;

function scoreColour(value: number): string {
  return value >= 80 ? PALETTE.compliant : value >= 50 ? PALETTE.partial : PALETTE.nonCompliant;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Breaks a label into at most two lines of about `width` characters, shortening only what still does not fit. */
export function wrapLabel(text: string, width: number): string {
  if (text.length <= width) return text;
  const words = text.split(' ');
  let first = '';
  while (words.length > 0 && `${first} ${words[0]}`.trim().length <= width)
    first = `${first} ${words.shift()}`.trim();
  if (first === '') return shorten(text, width);
  return `${first}\n${shorten(words.join(' '), width)}`;
}

function radar(model: ReportModel, lang: ReportLang): string {
  const scored = model.scores.byDomain.filter((g) => g.score !== null);
  // A radar needs axes: before anything is assessed, draw a titled empty chart instead of failing the report.
  if (scored.length === 0) {
    return renderChart(
      {
        title: {
          text: t(lang, 'noDomainScored'),
          left: 'center',
          top: 'middle',
          textStyle: { fontSize: 12, color: PALETTE.muted },
        },
      },
      640,
      120,
    );
  }
  const prior = new Map(
    (model.comparison?.groups ?? []).filter((g) => g.level === 'domain').map((g) => [g.key, g.previous]),
  );
  const name = (g: GroupScore) => wrapLabel(model.domainNames.get(g.key)?.[lang] ?? g.key, 30);
  const series: {
    value: number[];
    name: string;
    areaStyle: { opacity: number };
    lineStyle: { color: string };
    itemStyle: { color: string };
  }[] = [
    {
      value: scored.map((g) => g.score ?? 0),
      name: t(lang, 'currentScore'),
      areaStyle: { opacity: 0.15 },
      lineStyle: { color: PALETTE.accent },
      itemStyle: { color: PALETTE.accent },
    },
  ];
  if (model.comparison !== null) {
    series.push({
      value: scored.map((g) => prior.get(g.key) ?? 0),
      name: t(lang, 'previousScore'),
      areaStyle: { opacity: 0 },
      lineStyle: { color: PALETTE.muted },
      itemStyle: { color: PALETTE.muted },
    });
  }
  return renderChart(
    {
      legend: { bottom: 0, data: series.map((s) => s.name) },
      radar: {
        radius: '62%',
        center: ['50%', '48%'],
        indicator: scored.map((g) => ({ name: name(g), max: 100 })),
        axisName: { color: PALETTE.ink, fontSize: 10 },
        splitLine: { lineStyle: { color: PALETTE.grid } },
      },
      series: [{ type: 'radar', symbolSize: 3, data: series }],
    },
    640,
    420,
  );
}

function titles(model: ReportModel, lang: ReportLang): string {
  const groups = model.scores.byTitle.filter((g) => g.score !== null).reverse();
  return renderChart(
    {
      grid: { left: 150, right: 40, top: 10, bottom: 30 },
      xAxis: { type: 'value', max: 100, splitLine: { lineStyle: { color: PALETTE.grid } } },
      yAxis: {
        type: 'category',
        data: groups.map((g) => groupLabel(g.key, lang)),
        axisLabel: { fontSize: 10 },
      },
      series: [
        {
          type: 'bar',
          barWidth: '60%',
          label: {
            show: true,
            position: 'right',
            fontSize: 9,
            formatter: (p: { value: number }) => num(p.value, lang, 1),
          },
          data: groups.map((g) => ({ value: g.score ?? 0, itemStyle: { color: scoreColour(g.score ?? 0) } })),
        },
      ],
    },
    640,
    Math.max(160, 40 + groups.length * 22),
  );
}

function heatmap(model: ReportModel, lang: ReportLang): string {
  const { likelihood, impact, residual } = model.register.heatMap;
  const colour: Record<string, string> = {
    low: PALETTE.low,
    medium: PALETTE.medium,
    high: PALETTE.high,
    critical: PALETTE.critical,
  };
  return renderChart(
    {
      grid: { left: 110, right: 20, top: 10, bottom: 60 },
      xAxis: {
        type: 'category',
        data: impact.map((l) => word(MATRIX_LABELS, l, lang)),
        name: t(lang, 'impact'),
        nameLocation: 'middle',
        nameGap: 40,
        splitArea: { show: false },
      },
      yAxis: {
        type: 'category',
        data: likelihood.map((l) => word(MATRIX_LABELS, l, lang)),
        name: t(lang, 'likelihood'),
        nameLocation: 'middle',
        nameGap: 95,
      },
      series: [
        {
          type: 'heatmap',
          label: {
            show: true,
            fontSize: 14,
            formatter: (p: { value: number[] }) => (p.value[2] === 0 ? '' : String(p.value[2])),
          },
          itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
          data: residual.map((c) => ({
            value: [c.impact - 1, c.likelihood - 1, c.count, LEVELS.indexOf(c.level)],
            itemStyle: { opacity: c.count === 0 ? 0.35 : 1 },
          })),
        },
      ],
      visualMap: {
        show: false,
        type: 'piecewise',
        dimension: 3,
        pieces: LEVELS.map((level, i) => ({ value: i, color: colour[level] })),
      },
    },
    560,
    360,
  );
}

function findingsChart(model: ReportModel, lang: ReportLang): string {
  const open = model.snapshot.findings.filter((f) => f.status === 'open');
  const types = AUDIT_TYPES.filter((a) => open.some((f) => f.auditType === a)).reverse();
  const colour: Record<string, string> = {
    critical: PALETTE.critical,
    high: PALETTE.high,
    medium: PALETTE.medium,
    low: PALETTE.low,
    info: PALETTE.info,
  };
  return renderChart(
    {
      legend: { bottom: 0 },
      grid: { left: 190, right: 30, top: 10, bottom: 50 },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: PALETTE.grid } } },
      yAxis: {
        type: 'category',
        data: types.map((a) => AUDIT_TYPE_LABELS[a][lang]),
        axisLabel: { fontSize: 10 },
      },
      series: FINDING_SEVERITIES.map((sev) => ({
        type: 'bar',
        stack: 'all',
        name: SEVERITY_LABELS[sev][lang],
        itemStyle: { color: colour[sev] },
        data: types.map((a) => open.filter((f) => f.auditType === a && f.severity === sev).length),
      })),
    },
    640,
    Math.max(180, 90 + types.length * 30),
  );
}

function timelineChart(model: ReportModel, lang: ReportLang): string {
  const open = model.plan.items.filter((i) => i.status !== 'done' && i.status !== 'source-resolved');
  const months = [...new Set(open.map((i) => i.dueDate.toISOString().slice(0, 7)))].sort();
  const kinds = ['quick-win', 'strategic-project', 'fill-in', 'low-priority'] as const;
  const colour: Record<string, string> = {
    'quick-win': PALETTE.compliant,
    'strategic-project': PALETTE.accent,
    'fill-in': PALETTE.partial,
    'low-priority': PALETTE.muted,
  };
  return renderChart(
    {
      legend: { bottom: 0 },
      grid: { left: 50, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: months, name: t(lang, 'due'), nameLocation: 'middle', nameGap: 25 },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: PALETTE.grid } } },
      series: kinds
        .filter((k) => open.some((i) => i.kind === k))
        .map((k) => ({
          type: 'bar',
          stack: 'plan',
          name: KIND_LABELS[k][lang],
          itemStyle: { color: colour[k] },
          data: months.map(
            (m) => open.filter((i) => i.kind === k && i.dueDate.toISOString().startsWith(m)).length,
          ),
        })),
    },
    640,
    300,
  );
}

const EFFORT_DAYS = { S: 14, M: 45, L: 90 } as const;
const DAY = 86_400_000;

/**
 * The planned window of the 20 most urgent open actions: each bar ends on the due date and starts an effort-sized
 * lead time before it (S two weeks, M six weeks, L three months), never before the plan was drawn up.
 */
function ganttChart(model: ReportModel, lang: ReportLang): string {
  const origin = new Date(`${model.snapshot.engagement.reportDate}T00:00:00Z`).getTime();
  const ids = actionIds(model);
  const open = model.plan.items
    .filter((i) => i.status !== 'done' && i.status !== 'source-resolved')
    .slice(0, 20)
    .reverse();
  const days = (ms: number) => Math.max(0, Math.round((ms - origin) / DAY));
  const bars = open.map((i) => {
    const end = days(i.dueDate.getTime());
    const start = Math.max(days(i.createdAt.getTime()), end - EFFORT_DAYS[i.effort]);
    return { id: ids.get(i.id) ?? i.id, start, length: Math.max(1, end - start), kind: i.kind };
  });
  const colour: Record<string, string> = {
    'quick-win': PALETTE.compliant,
    'strategic-project': PALETTE.accent,
    'fill-in': PALETTE.partial,
    'low-priority': PALETTE.muted,
  };
  return renderChart(
    {
      grid: { left: 60, right: 20, top: 10, bottom: 40 },
      xAxis: {
        type: 'value',
        name: t(lang, 'daysFromReport'),
        nameLocation: 'middle',
        nameGap: 25,
        splitLine: { lineStyle: { color: PALETTE.grid } },
      },
      yAxis: { type: 'category', data: bars.map((b) => b.id), axisLabel: { fontSize: 9 } },
      series: [
        { type: 'bar', stack: 'plan', itemStyle: { color: 'transparent' }, data: bars.map((b) => b.start) },
        {
          type: 'bar',
          stack: 'plan',
          data: bars.map((b) => ({ value: b.length, itemStyle: { color: colour[b.kind] } })),
        },
      ],
    },
    640,
    Math.max(160, 60 + bars.length * 18),
  );
}

/** Every chart of the report in one language. */
export function reportCharts(model: ReportModel, lang: ReportLang): Charts {
  return {
    radar: radar(model, lang),
    titles: titles(model, lang),
    heatmap: heatmap(model, lang),
    findings: findingsChart(model, lang),
    timeline: timelineChart(model, lang),
    gantt: ganttChart(model, lang),
  };
}

/** The short id under which an action appears in tables and on the timeline (`A-001`), by plan order. */
export function actionIds(model: ReportModel): Map<string, string> {
  return new Map(model.plan.items.map((item, i) => [item.id, `A-${String(i + 1).padStart(3, '0')}`]));
}
