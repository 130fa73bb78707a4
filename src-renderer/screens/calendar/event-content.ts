import type { Calendar } from '@event-calendar/core';
import { itemOfEvent } from './calendar-events';

export interface EventContentOptions {
  /** Which names the second line shows: a room column need not repeat the room. */
  showRoom: boolean;
  showStaff: boolean;
  /** Shown beside the time of an appointment that belongs to a series. */
  seriesMark: string;
  /** The status in words, for the hover text. */
  statusLabel: (status: string) => string;
}

function line(className: string, text: string): HTMLSpanElement {
  const div = document.createElement('span');
  div.className = className;
  // textContent, never innerHTML: client names and notes are typed by people.
  div.textContent = text;
  return div;
}

/** An appointment in the grid: the time, the client, then the room and/or staff member. */
export function renderEventContent(info: Calendar.EventContentInfo, options: EventContentOptions): Calendar.Content {
  const item = itemOfEvent(info.event);
  if (!item) return info.timeText;
  const names = [options.showRoom ? item.room?.name : undefined, options.showStaff ? item.staff?.name : undefined].filter(
    (name): name is string => Boolean(name),
  );
  const time = item.seriesId ? `${info.timeText} ${options.seriesMark}` : info.timeText;
  const root = document.createElement('div');
  root.className = 'pm-ev';
  root.title = [time, item.client.name, ...names, options.statusLabel(item.status), item.notes].filter(Boolean).join('\n');
  const head = document.createElement('div');
  head.className = 'pm-ev-head';
  head.append(line('pm-ev-time', time), line('pm-ev-title', item.client.name));
  root.append(head);
  if (names.length > 0) root.append(line('pm-ev-meta', names.join(' · ')));
  return { domNodes: [root] };
}
