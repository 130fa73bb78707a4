import { Badge } from '@mantine/core';
import { memo } from 'react';
import type { AgendaItem } from '../../../src-main/contract/schemas';
import { capitalizeFirst } from '../../i18n/capitalize';
import { useI18n } from '../../i18n/i18n-context';
import { civilKey, civilNoon, type CivilDate } from './civil-date';
import type { AgendaDay } from './group-by-day';
import { useOfficeFormatters } from './use-office-formatters';
import classes from './WeekAgendaTable.module.css';

const COLUMNS = 5;

/**
 * The week as one table with a heading row per day, so the columns line up across
 * days (separate tables would size each day's columns differently).
 */
export function WeekAgendaTable({ days, today, onOpen }: { days: AgendaDay[]; today: CivilDate; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const format = useOfficeFormatters();
  const todayKey = civilKey(today);

  return (
    <table className={classes.table}>
      <colgroup>
        <col style={{ width: 120 }} />
        <col />
        <col style={{ width: '22%' }} />
        <col style={{ width: '14%' }} />
        <col style={{ width: 190 }} />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('calendar.column.time')}</th>
          <th scope="col">{t('calendar.column.client')}</th>
          <th scope="col">{t('calendar.column.staff')}</th>
          <th scope="col">{t('calendar.column.room')}</th>
          <th scope="col">{t('calendar.column.status')}</th>
        </tr>
      </thead>
      {days.map((day) => (
        <tbody key={day.key}>
          <tr className={classes.day}>
            <th colSpan={COLUMNS} scope="colgroup">
              {capitalizeFirst(format.day.format(civilNoon(day.date)))}
              {day.key === todayKey && (
                <Badge size="xs" variant="filled" ml="xs">
                  {t('calendar.today')}
                </Badge>
              )}
            </th>
          </tr>
          {day.items.length === 0 ? (
            <tr className={classes.empty}>
              <td colSpan={COLUMNS}>{t('calendar.dayEmpty')}</td>
            </tr>
          ) : (
            day.items.map((item) => <AgendaRow key={item.id} item={item} format={format} onOpen={onOpen} />)
          )}
        </tbody>
      ))}
    </table>
  );
}

interface AgendaRowProps {
  item: AgendaItem;
  format: ReturnType<typeof useOfficeFormatters>;
  onOpen: (id: number) => void;
}

/** Memoised: when the screen re-renders (loading flag, clock) the unchanged rows are skipped. */
const AgendaRow = memo(function AgendaRow({ item, format, onOpen }: AgendaRowProps) {
  const { t } = useI18n();
  return (
    <tr
      className={classes.row}
      tabIndex={0}
      onClick={() => onOpen(item.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen(item.id);
      }}
    >
      <td className="tabular">
        {format.time.format(item.start)}–{format.time.format(item.end)}
      </td>
      <td className="truncate">{item.client.name}</td>
      <td className="truncate">{item.staff?.name ?? '—'}</td>
      <td className="truncate">{item.room?.name ?? '—'}</td>
      <td>
        <span className={classes.status} data-status={item.status}>
          {t(`status.${item.status}`)}
        </span>
      </td>
    </tr>
  );
});
