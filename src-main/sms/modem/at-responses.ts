/**
 * Reading the information responses of 27.007 / 27.005 commands. Each parser
 * takes the lines a command returned and gives undefined for what it cannot read,
 * since modems differ in the small details.
 */

/** The value after "+XXX: " in the first line with that prefix. */
function valueOf(lines: readonly string[], prefix: string): string | undefined {
  const line = lines.find((l) => l.startsWith(prefix));
  return line?.slice(prefix.length).trim();
}

function fields(value: string): string[] {
  return value.split(',').map((f) => f.trim());
}

const unquote = (field: string | undefined): string | undefined => field?.replace(/^"(.*)"$/, '$1');

/**
 * AT+CSQ rssi (0–31, 99 unknown) as 0–5 bars: 1–9 is marginal (below −95 dBm),
 * 10–14 fair, 15–19 good, 20–24 very good, 25 and up excellent.
 */
export function signalBars(rssi: number): number {
  if (rssi === 99 || rssi <= 0) return 0;
  if (rssi < 10) return 1;
  if (rssi < 15) return 2;
  if (rssi < 20) return 3;
  if (rssi < 25) return 4;
  return 5;
}

export function parseCsq(lines: readonly string[]): number | undefined {
  const value = valueOf(lines, '+CSQ:');
  const rssi = value === undefined ? NaN : Number(fields(value)[0]);
  return Number.isInteger(rssi) ? rssi : undefined;
}

export type Registration = 'home' | 'roaming' | 'searching' | 'denied' | 'not-searching' | 'unknown';

/** +CREG / +CGREG / +CEREG stat values (27.007 §7.2), the LTE "SMS only" ones included. */
const REGISTRATION: Record<number, Registration> = {
  0: 'not-searching',
  1: 'home',
  2: 'searching',
  3: 'denied',
  4: 'unknown',
  5: 'roaming',
  6: 'home',
  7: 'roaming',
  8: 'not-searching',
  9: 'home',
  10: 'roaming',
};

/**
 * Registration from "+CREG: n,stat[,lac,ci]" (read) or "+CREG: stat[,"lac","ci"]"
 * (unsolicited): the read form has an unquoted number second.
 */
export function parseRegistration(lines: readonly string[], prefix: '+CREG:' | '+CGREG:'): Registration | undefined {
  const value = valueOf(lines, prefix);
  if (value === undefined) return undefined;
  const [first, second] = fields(value);
  const stat = second !== undefined && /^\d+$/.test(second) ? second : first;
  return REGISTRATION[Number(stat)] ?? 'unknown';
}

export const isRegistered = (registration: Registration | undefined): boolean =>
  registration === 'home' || registration === 'roaming';

/** The operator name from "+COPS: mode,format,"name"[,act]"; none while unregistered. */
export function parseCops(lines: readonly string[]): string | undefined {
  const value = valueOf(lines, '+COPS:');
  const name = value === undefined ? undefined : unquote(fields(value)[2]);
  return name === '' ? undefined : name;
}

export function parseCsca(lines: readonly string[]): string | undefined {
  const value = valueOf(lines, '+CSCA:');
  const smsc = value === undefined ? undefined : unquote(fields(value)[0]);
  return smsc === '' ? undefined : smsc;
}

/** "READY", "SIM PIN", "SIM PUK", "PH-SIM PIN"… */
export function parseCpin(lines: readonly string[]): string | undefined {
  return valueOf(lines, '+CPIN:');
}

/** TP-MR from "+CMGS: <mr>[,<scts>]". */
export function parseCmgs(lines: readonly string[]): number | undefined {
  const value = valueOf(lines, '+CMGS:');
  const reference = value === undefined ? NaN : Number(fields(value)[0]);
  return Number.isInteger(reference) ? reference : undefined;
}

/** First line that is not a response header: the model name, the maker. */
export function plainAnswer(lines: readonly string[]): string | undefined {
  return lines.find((line) => !line.startsWith('+'))?.trim() || undefined;
}

export interface StoredMessage {
  index: number;
  /** 0 received unread, 1 received read, 2 stored unsent, 3 stored sent. */
  stat: number;
  tpduLength: number;
  pdu: string;
}

/** Header and PDU pairs of AT+CMGL in PDU mode: "+CMGL: <index>,<stat>,[<alpha>],<length>" then the PDU. */
export function parseCmgl(lines: readonly string[]): StoredMessage[] {
  const messages: StoredMessage[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i] ?? '';
    if (!header.startsWith('+CMGL:')) continue;
    const parts = fields(header.slice('+CMGL:'.length));
    const pdu = lines[i + 1];
    if (pdu === undefined || pdu.startsWith('+CMGL:')) continue;
    messages.push({
      index: Number(parts[0]),
      stat: Number(parts[1]),
      tpduLength: Number(parts[parts.length - 1]),
      pdu,
    });
    i++;
  }
  return messages.filter((m) => Number.isInteger(m.index) && Number.isInteger(m.tpduLength));
}

/** AT+CMGR in PDU mode: "+CMGR: <stat>,[<alpha>],<length>" then the PDU. */
export function parseCmgr(lines: readonly string[]): { tpduLength: number; pdu: string } | undefined {
  const at = lines.findIndex((l) => l.startsWith('+CMGR:'));
  const header = lines[at];
  const pdu = lines[at + 1];
  if (at < 0 || header === undefined || pdu === undefined) return undefined;
  const parts = fields(header.slice('+CMGR:'.length));
  const tpduLength = Number(parts[parts.length - 1]);
  return Number.isInteger(tpduLength) ? { tpduLength, pdu } : undefined;
}

/** '+CMTI: "SM",3' or '+CDSI: "SR",1' → memory and index. */
export function parseStorageNotice(line: string): { memory: string; index: number } | undefined {
  const match = /^\+C(?:MTI|DSI):\s*"?([A-Z]+)"?\s*,\s*(\d+)/.exec(line);
  return match ? { memory: match[1] ?? '', index: Number(match[2]) } : undefined;
}

/** The <length> of "+CMT: [<alpha>],<length>" or "+CDS: <length>". */
export function parseDirectLength(line: string): number | undefined {
  const value = line.slice(line.indexOf(':') + 1);
  const length = Number(fields(value).pop());
  return Number.isInteger(length) ? length : undefined;
}
