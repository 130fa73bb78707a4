import { escapeText, foldLine, utcStamp } from './content-lines';
/**
 * iCalendar (RFC 5545) text for a list of appointments. Times are written in UTC
 * ("…Z"), so no VTIMEZONE is needed and every calendar program shows them in its
 * own zone, DST included. Lines end in CRLF and are folded at 75 octets.
 */
export interface IcsEvent {
  /** Stable across exports, so importing again updates instead of duplicating. */
  uid: string;
  start: number;
  end: number;
  summary: string;
  location: string | null;
  cancelled: boolean;
}

export interface IcsCalendar {
  productId: string;
  name: string;
  /** When the file was made (DTSTAMP). */
  now: number;
  events: readonly IcsEvent[];
}

export function buildIcs(calendar: IcsCalendar): string {
  const stamp = utcStamp(calendar.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(calendar.productId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ];
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcStamp(event.start)}`,
      `DTEND:${utcStamp(event.end)}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    lines.push(`STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
