import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** One column heading: `num` right-aligns a column of numbers, `hidden` heads a column only screen readers name. */
export interface Column {
  readonly label: MessageKey;
  readonly num?: boolean;
  readonly hidden?: boolean;
}

/**
 * The heading row of a table, one `<th scope="col">` a column; a bare message key is a plain column, and `false`
 * leaves a column out (`canManage && 'registers.actions'`).
 */
export function TableHead({ columns }: { readonly columns: readonly (Column | MessageKey | false)[] }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        {columns.map((entry) => {
          if (entry === false) return null;
          const column = typeof entry === 'string' ? { label: entry } : entry;
          return (
            <th key={column.label} scope="col" className={column.num === true ? 'num' : undefined}>
              {column.hidden === true ? <span className="sr-only">{t(column.label)}</span> : t(column.label)}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
