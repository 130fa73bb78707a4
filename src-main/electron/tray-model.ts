import type { DispatchStatus } from '../contract/messages-schemas';

/**
 * The tray's menu and tooltip as plain data, from the dispatcher's status: no
 * Electron here, so it is unit-tested under Node. `tray.ts` turns it into a Menu.
 */
export type TrayLanguage = 'it' | 'en';

export type TrayAction = 'open' | 'pause' | 'resume' | 'quit';

export type TrayItem =
  | { kind: 'label'; label: string }
  | { kind: 'action'; action: TrayAction; label: string }
  | { kind: 'checkbox'; action: 'startAtLogin'; label: string; checked: boolean }
  | { kind: 'separator' };

export interface TrayModel {
  tooltip: string;
  /** True when the icon should show that something needs a look (paused, channel down). */
  attention: boolean;
  items: TrayItem[];
}

export interface TrayInput {
  /** Null until the first status arrives (or when the core could not answer). */
  status: DispatchStatus | null;
  language: TrayLanguage;
  /** The office's time zone: times are shown on its wall clock, like in the window. */
  timeZone: string;
  now: number;
  /** The OS's "open at login" state; undefined where the OS has none (the entry is left out). */
  startAtLogin: boolean | undefined;
}

const TEXT = {
  it: {
    app: 'Promemoria',
    loading: 'Stato dell’invio non ancora disponibile',
    kind: { simulator: 'Simulatore', modem: 'Modem GSM', smpp: 'Account SMPP' },
    simulatorNote: 'nessun SMS esce da questo computer',
    state: { connecting: 'in connessione…', up: 'connesso', down: 'non connesso', closed: 'chiuso' },
    paused: 'Invio in pausa',
    elsewhere: 'Invia un altro Promemoria su questo computer',
    next: (when: string, queued: number) => `Prossimo promemoria: ${when} (${queued} in coda)`,
    none: 'Nessun promemoria in coda',
    quiet: (when: string) => `Orario di silenzio fino a ${when}`,
    inFlight: (count: number) => `${count} in invio`,
    today: 'oggi',
    tomorrow: 'domani',
    open: 'Apri Promemoria',
    pause: 'Metti in pausa l’invio',
    resume: 'Riprendi l’invio',
    startAtLogin: 'Avvia all’accesso al computer',
    quit: 'Esci (gli SMS non partono più)',
    running: 'in esecuzione, invia i promemoria',
  },
  en: {
    app: 'Promemoria',
    loading: 'Sending status not available yet',
    kind: { simulator: 'Simulator', modem: 'GSM modem', smpp: 'SMPP account' },
    simulatorNote: 'no SMS leaves this computer',
    state: { connecting: 'connecting…', up: 'connected', down: 'not connected', closed: 'closed' },
    paused: 'Sending paused',
    elsewhere: 'Another Promemoria on this computer sends',
    next: (when: string, queued: number) => `Next reminder: ${when} (${queued} queued)`,
    none: 'No reminders queued',
    quiet: (when: string) => `Quiet hours until ${when}`,
    inFlight: (count: number) => `${count} sending`,
    today: 'today',
    tomorrow: 'tomorrow',
    open: 'Open Promemoria',
    pause: 'Pause sending',
    resume: 'Resume sending',
    startAtLogin: 'Start when I log in',
    quit: 'Quit (no more SMS go out)',
    running: 'running, sending reminders',
  },
} as const;

/** Windows cuts tray tooltips at 127 characters. */
const TOOLTIP_LIMIT = 127;

export function trayModel(input: TrayInput): TrayModel {
  const text = TEXT[input.language];
  const { status } = input;
  const items: TrayItem[] = [];
  let tooltipState: string;
  let attention = false;

  if (!status) {
    items.push({ kind: 'label', label: text.loading });
    tooltipState = text.loading;
  } else {
    const channel = channelLine(status, input.language);
    items.push({ kind: 'label', label: channel });
    if (status.sendingElsewhere) {
      items.push({ kind: 'label', label: `${text.elsewhere} (${status.sendingElsewhere})` });
      tooltipState = text.elsewhere;
    } else if (status.paused) {
      items.push({ kind: 'label', label: text.paused });
      tooltipState = text.paused;
      attention = true;
    } else {
      tooltipState = status.channel.healthy ? text.running : channel;
      attention = !status.channel.healthy;
    }
    const next =
      status.nextSendAt === null ? text.none : text.next(formatWhen(status.nextSendAt, input), status.queued);
    items.push({ kind: 'label', label: next });
    if (status.quietUntil !== null && status.quietUntil > input.now) {
      items.push({ kind: 'label', label: text.quiet(formatWhen(status.quietUntil, input)) });
    }
    if (status.inFlight > 0) items.push({ kind: 'label', label: text.inFlight(status.inFlight) });
  }

  items.push({ kind: 'separator' }, { kind: 'action', action: 'open', label: text.open });
  // Pausing from here while another Promemoria sends would pause that one: the setting is shared.
  if (status && !status.sendingElsewhere) {
    items.push(
      status.paused
        ? { kind: 'action', action: 'resume', label: text.resume }
        : { kind: 'action', action: 'pause', label: text.pause },
    );
  }
  if (input.startAtLogin !== undefined) {
    items.push({ kind: 'checkbox', action: 'startAtLogin', label: text.startAtLogin, checked: input.startAtLogin });
  }
  items.push({ kind: 'separator' }, { kind: 'action', action: 'quit', label: text.quit });

  return { tooltip: truncate(`${text.app}: ${tooltipState}`, TOOLTIP_LIMIT), attention, items };
}

/** "GSM modem: connected (TIM, 4/5)", "Simulator: no SMS leaves this computer". */
function channelLine(status: DispatchStatus, language: TrayLanguage): string {
  const text = TEXT[language];
  const { channel } = status;
  const name = text.kind[channel.kind];
  if (channel.kind === 'simulator') return `${name}: ${text.simulatorNote}`;
  const details = [channel.operator, channel.signalBars === undefined ? undefined : `${channel.signalBars}/5`].filter(
    (part): part is string => part !== undefined && part !== '',
  );
  const state = text.state[channel.state];
  return `${name}: ${state}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

/** "14:30", "tomorrow 09:00", "Sat 28/11 09:00" on the office's wall clock. */
export function formatWhen(at: number, input: Pick<TrayInput, 'language' | 'timeZone' | 'now'>): string {
  const locale = input.language === 'it' ? 'it-IT' : 'en-GB';
  const time = new Intl.DateTimeFormat(locale, { timeZone: input.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const day = (instant: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: input.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  const target = day(at);
  const text = TEXT[input.language];
  if (target === day(input.now)) return `${text.today} ${time}`;
  if (target === nextCivilDate(day(input.now))) return `${text.tomorrow} ${time}`;
  const date = new Intl.DateTimeFormat(locale, { timeZone: input.timeZone, weekday: 'short', day: '2-digit', month: '2-digit' }).format(at);
  return `${date} ${time}`;
}

/** The civil date after "YYYY-MM-DD", as "YYYY-MM-DD". */
function nextCivilDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/**
 * Where the tray icon is: next to the app's resources when packaged (electron-builder's
 * extraResources copies assets/tray-icon*.png there), in the repository's assets/
 * otherwise. macOS gets the "Template" image, which it tints for light and dark menu bars.
 */
export function trayIconPath(where: { packaged: boolean; resourcesPath: string; repoRoot: string; platform: NodeJS.Platform }): string {
  const file = where.platform === 'darwin' ? 'tray-iconTemplate.png' : 'tray-icon.png';
  const dir = where.packaged ? where.resourcesPath : `${where.repoRoot}/assets`;
  return `${dir}/${file}`;
}
