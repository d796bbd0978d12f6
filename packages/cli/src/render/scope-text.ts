import type { Catalogue, Lang, ScopeResult } from '@mica-audit/core';
import { groupByTitle } from './group.ts';

const WORDS = {
  en: {
    applicable: 'applicable',
    of: 'of',
    requirements: 'requirements',
    yes: 'applies',
    no: 'excluded',
    warnings: 'Warnings',
    status: 'status',
    services: 'services',
    issuance: 'issuance',
    none: 'none',
    why: 'why',
  },
  fr: {
    applicable: 'applicables',
    of: 'sur',
    requirements: 'exigences',
    yes: "s'applique",
    no: 'exclue',
    warnings: 'Avertissements',
    status: 'statut',
    services: 'services',
    issuance: 'émission',
    none: 'aucun',
    why: 'motif',
  },
} as const;

function header(result: ScopeResult, lang: Lang): string {
  const w = WORDS[lang];
  const p = result.profile;
  return `${p.name} (${p.memberState}) — ${w.status}: ${p.legalStatus}; ${w.services}: ${p.services.join(', ') || w.none}; ${w.issuance}: ${p.issuance.join(', ') || w.none}`;
}

function counts(applicable: number, total: number, lang: Lang): string {
  const w = WORDS[lang];
  return `${applicable} ${w.applicable} ${w.of} ${total} ${w.requirements}`;
}

/** Human output of `scope`: grouped by regulation and title, with counts and the reason for each line. */
export function renderScopeTable(
  result: ScopeResult,
  catalogue: Catalogue,
  lang: Lang,
  only?: 'applicable' | 'excluded',
): string {
  const w = WORDS[lang];
  const lines = [header(result, lang), ''];
  let regulation = '';
  for (const group of groupByTitle(catalogue, result.requirements, lang)) {
    if (group.regulation !== regulation) {
      regulation = group.regulation;
      const all = result.requirements.filter((r) => r.regulation === regulation);
      lines.push(`${regulation} — ${counts(all.filter((r) => r.applicable).length, all.length, lang)}`);
    }
    lines.push(
      `  ${group.title} — ${counts(group.requirements.filter((r) => r.applicable).length, group.requirements.length, lang)}`,
    );
    for (const r of group.requirements) {
      if ((only === 'applicable' && !r.applicable) || (only === 'excluded' && r.applicable)) continue;
      lines.push(
        `    ${r.applicable ? '✓' : '·'} ${r.ref.padEnd(18)} ${r.title[lang]} — ${r.reasons.map((x) => x[lang]).join('; ')}`,
      );
    }
  }
  if (result.warnings.length > 0) lines.push('', `${w.warnings}:`, ...result.warnings.map((x) => `  ! ${x}`));
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** Markdown output of `scope`: one table per title. */
export function renderScopeMarkdown(
  result: ScopeResult,
  catalogue: Catalogue,
  lang: Lang,
  only?: 'applicable' | 'excluded',
): string {
  const w = WORDS[lang];
  const lines = [`# ${cell(header(result, lang))}`, ''];
  let regulation = '';
  for (const group of groupByTitle(catalogue, result.requirements, lang)) {
    if (group.regulation !== regulation) {
      regulation = group.regulation;
      const all = result.requirements.filter((r) => r.regulation === regulation);
      lines.push(
        `## ${regulation} — ${counts(all.filter((r) => r.applicable).length, all.length, lang)}`,
        '',
      );
    }
    lines.push(
      `### ${cell(group.title)} — ${counts(group.requirements.filter((r) => r.applicable).length, group.requirements.length, lang)}`,
      '',
    );
    lines.push(
      `| ref | ${lang === 'fr' ? 'exigence' : 'requirement'} | ${w.applicable} | ${w.why} |`,
      '|---|---|---|---|',
    );
    for (const r of group.requirements) {
      if ((only === 'applicable' && !r.applicable) || (only === 'excluded' && r.applicable)) continue;
      lines.push(
        `| ${cell(r.ref)} | ${cell(r.title[lang])} | ${r.applicable ? w.yes : w.no} | ${cell(r.reasons.map((x) => x[lang]).join('; '))} |`,
      );
    }
    lines.push('');
  }
  if (result.warnings.length > 0)
    lines.push(`**${w.warnings}:**`, '', ...result.warnings.map((x) => `- ${cell(x)}`), '');
  return `${lines.join('\n')}`;
}
