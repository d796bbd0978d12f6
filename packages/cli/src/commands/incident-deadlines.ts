import { DomainError, WEEKEND_RULES, incidentDeadlines, type WeekendRule } from '@mica-audit/core';
import { EXIT, type Command } from '../command.ts';
import { printJson } from '../io-helpers.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(value: unknown, flag: string): Date | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new DomainError(
      'cli.usage',
      `${flag} must be an ISO 8601 instant with a time zone, e.g. 2026-03-14T09:30:00+01:00 or 2026-03-14T08:30:00Z; got ${JSON.stringify(value)}`,
    );
  }
  return new Date(value);
}

export const incidentDeadlinesCommand: Command = {
  name: 'incident deadlines',
  summary:
    'Compute the DORA reporting deadlines of a major ICT incident (Delegated Regulation (EU) 2025/301 Art. 5)',
  usage:
    'mica-audit incident deadlines --aware ISO --classified ISO [--initial-sent ISO] [--intermediate-sent ISO] [--holidays DATES] [--time-zone TZ] [--weekend-rule R] [--json]',
  examples: [
    'mica-audit incident deadlines --aware 2026-03-13T22:10:00Z --classified 2026-03-14T06:00:00Z --json',
    'mica-audit incident deadlines --aware 2026-05-01T08:00:00+02:00 --classified 2026-05-01T10:00:00+02:00 --initial-sent 2026-05-01T13:00:00+02:00 --time-zone Europe/Paris --holidays 2026-05-01,2026-05-08',
  ],
  options: {
    aware: { type: 'string' },
    classified: { type: 'string' },
    'initial-sent': { type: 'string' },
    'intermediate-sent': { type: 'string' },
    holidays: { type: 'string' },
    'time-zone': { type: 'string' },
    'weekend-rule': { type: 'string' },
    json: { type: 'boolean' },
  },
  optionHelp: [
    '--aware ISO              when the entity became aware of the incident',
    '--classified ISO         when it classified the incident as major',
    '--initial-sent ISO       when the initial notification was sent (gives the intermediate deadline)',
    '--intermediate-sent ISO  when the latest intermediate report was sent (gives the final deadline)',
    '--holidays DATES         bank holidays of the member state, comma-separated YYYY-MM-DD',
    '--time-zone TZ           IANA time zone for weekends, holidays and noon (default UTC)',
    `--weekend-rule R         ${WEEKEND_RULES.join(' | ')} (Art. 5(4)-(6); default all-reports)`,
    '--json                   print { initialDue, intermediateDue, finalDue } as ISO 8601 instants (null until triggered)',
  ],
  run({ io, values }) {
    const awareAt = instant(values.aware, '--aware');
    const classifiedAt = instant(values.classified, '--classified');
    if (awareAt === undefined || classifiedAt === undefined)
      throw new DomainError('cli.usage', '--aware and --classified are required');
    const rule = values['weekend-rule'];
    if (rule !== undefined && !(WEEKEND_RULES as readonly unknown[]).includes(rule)) {
      throw new DomainError('cli.usage', `--weekend-rule must be one of ${WEEKEND_RULES.join(', ')}`);
    }
    const holidays =
      typeof values.holidays === 'string'
        ? values.holidays
            .split(',')
            .map((d) => d.trim())
            .filter(Boolean)
        : undefined;
    for (const day of holidays ?? [])
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
        throw new DomainError('cli.usage', `--holidays: ${JSON.stringify(day)} is not a YYYY-MM-DD date`);
    const due = incidentDeadlines({
      awareAt,
      classifiedAt,
      initialSentAt: instant(values['initial-sent'], '--initial-sent'),
      intermediateSentAt: instant(values['intermediate-sent'], '--intermediate-sent'),
      holidays,
      timeZone: typeof values['time-zone'] === 'string' ? values['time-zone'] : undefined,
      weekendRule: rule as WeekendRule | undefined,
    });
    const json = {
      initialDue: due.initialDue.toISOString(),
      intermediateDue: due.intermediateDue?.toISOString() ?? null,
      finalDue: due.finalDue?.toISOString() ?? null,
    };
    if (values.json === true) printJson(io, json);
    else {
      io.stdout(
        [
          `initial notification due:  ${json.initialDue}  (4 h after classification, at most 24 h after awareness)`,
          `intermediate report due:   ${json.intermediateDue ?? '— (give --initial-sent)'}  (72 h after the initial notification)`,
          `final report due:          ${json.finalDue ?? '— (give --intermediate-sent)'}  (one month after the latest intermediate report)`,
          '',
        ].join('\n'),
      );
    }
    return Promise.resolve(EXIT.ok);
  },
};
