/**
 * Bringing a freshly opened modem to a known state: echo off, numeric errors,
 * SIM unlocked, PDU mode, new messages and status reports announced. A SIM locks
 * itself after three wrong PINs, so the PIN is sent at most once unless it was
 * accepted, and a rejection stops everything until someone fixes the settings.
 */
import type { AtResult, AtRunner } from './at-command-engine';
import {
  parseCops,
  parseCpin,
  parseCsca,
  parseCsq,
  parseRegistration,
  plainAnswer,
  signalBars,
  type Registration,
} from './at-responses';

export interface ModemInfo {
  manufacturer: string | undefined;
  model: string | undefined;
  smsc: string | undefined;
  /** False when the modem took none of our AT+CNMI settings: no +CMTI/+CDS will come. */
  notifiesIncoming: boolean;
}

export interface NetworkState {
  registration: Registration | undefined;
  gprsRegistration: Registration | undefined;
  signalBars: number | undefined;
  operator: string | undefined;
}

/** What happened to the PIN in this attempt, for the transport to remember. */
export type PinAttempt = 'accepted' | 'rejected' | 'uncertain';

export type InitOutcome =
  | { ok: true; info: ModemInfo; network: NetworkState; pinAttempt: PinAttempt | undefined }
  | {
      ok: false;
      /** True when trying again cannot help until the user acts (PIN, PUK). */
      fatal: boolean;
      code: string;
      reason: string;
      pinAttempt: PinAttempt | undefined;
    };

export interface InitOptions {
  pin: string | undefined;
  /** False once a PIN was rejected or its answer lost: never send it again. */
  pinAllowed: boolean;
  /** After an accepted PIN the SIM takes a moment: how often and how long to wait for READY. */
  simReadyChecks: number;
  simReadyDelayMs: number;
  delay: (ms: number) => Promise<void>;
}

/**
 * AT+CNMI=<mode>,<mt>,<bm>,<ds>,<bfr> choices, best first: new SMS stored and
 * announced (+CMTI, mt=1) and status reports handed over (+CDS, ds=1) or stored
 * and announced (+CDSI, ds=2); mode 2 buffers them while a command runs.
 */
const CNMI_CHOICES = ['2,1,0,1,0', '2,1,0,2,0', '1,1,0,1,0', '1,1,0,2,0', '2,1,0,0,0'];

type InitFailure = Extract<InitOutcome, { ok: false }>;

const failure = (fatal: boolean, code: string, reason: string, pinAttempt?: PinAttempt): InitFailure => ({
  ok: false,
  fatal,
  code,
  reason,
  pinAttempt,
});

export async function initializeModem(engine: AtRunner, options: InitOptions): Promise<InitOutcome> {
  if (!(await answersAt(engine))) return failure(false, 'NO_ANSWER', 'The modem does not answer AT commands');
  await engine.run('ATE0');
  await engine.run('AT+CMEE=1');
  const manufacturer = plainAnswer(okLines(await engine.run('AT+CGMI')));
  const model = plainAnswer(okLines(await engine.run('AT+CGMM')));

  const sim = await unlockSim(engine, options);
  if (!sim.ok) return sim;

  const pduMode = await engine.run('AT+CMGF=0');
  if (!pduMode.ok) return failure(false, 'NO_PDU_MODE', 'The modem refused PDU mode (AT+CMGF=0)', sim.pinAttempt);

  let notifiesIncoming = false;
  for (const choice of CNMI_CHOICES) {
    if ((await engine.run(`AT+CNMI=${choice}`)).ok) {
      notifiesIncoming = true;
      break;
    }
  }
  const smsc = parseCsca(okLines(await engine.run('AT+CSCA?', { expect: '+CSCA:' })));
  const network = await readNetworkState(engine);
  return { ok: true, info: { manufacturer, model, smsc, notifiesIncoming }, network, pinAttempt: sim.pinAttempt };
}

/** Signal, registration (circuit and packet) and operator; undefined fields where the modem would not say. */
export async function readNetworkState(engine: AtRunner): Promise<NetworkState> {
  const rssi = parseCsq(okLines(await engine.run('AT+CSQ', { expect: '+CSQ:' })));
  return {
    signalBars: rssi === undefined ? undefined : signalBars(rssi),
    registration: parseRegistration(okLines(await engine.run('AT+CREG?', { expect: '+CREG:' })), '+CREG:'),
    gprsRegistration: parseRegistration(okLines(await engine.run('AT+CGREG?', { expect: '+CGREG:' })), '+CGREG:'),
    operator: parseCops(okLines(await engine.run('AT+COPS?', { expect: '+COPS:' }))),
  };
}

/** A modem just plugged in may miss the first AT or two while it boots. */
async function answersAt(engine: AtRunner): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await engine.run('AT');
    if (result.ok) return true;
    if (result.failure.kind === 'link-down') return false;
  }
  return false;
}

type SimOutcome = { ok: true; pinAttempt: PinAttempt | undefined } | InitFailure;

async function unlockSim(engine: AtRunner, options: InitOptions): Promise<SimOutcome> {
  const state = await simState(engine);
  if (state.kind === 'ready') return { ok: true, pinAttempt: undefined };
  if (state.kind === 'not-ready') return failure(false, state.code, state.reason);
  if (state.kind === 'locked') return failure(true, state.code, state.reason);

  // The SIM wants its PIN.
  if (options.pin === undefined || options.pin === '') {
    return failure(true, 'SIM_PIN_NEEDED', 'The SIM asks for a PIN: enter it in the modem settings');
  }
  if (!options.pinAllowed) {
    return failure(true, 'SIM_PIN_NOT_RETRIED', 'The SIM still asks for its PIN after one attempt; not trying again');
  }
  const answer = await engine.run(`AT+CPIN="${options.pin}"`);
  if (!answer.ok) {
    if (answer.failure.kind === 'timeout' || answer.failure.kind === 'link-down') {
      return failure(false, 'SIM_PIN_UNCERTAIN', 'The modem did not answer the PIN', 'uncertain');
    }
    const puk = answer.failure.kind === 'cme' && answer.failure.code === 12;
    return failure(
      true,
      puk ? 'SIM_PUK_REQUIRED' : 'SIM_PIN_REJECTED',
      puk
        ? 'The SIM is locked and needs its PUK: unlock it in a phone'
        : 'The SIM rejected the PIN: check it in the modem settings (not retried, to keep the SIM from locking)',
      'rejected',
    );
  }
  for (let check = 0; check < options.simReadyChecks; check++) {
    if ((await simState(engine)).kind === 'ready') return { ok: true, pinAttempt: 'accepted' };
    await options.delay(options.simReadyDelayMs);
  }
  return failure(false, 'SIM_NOT_READY', 'The SIM took the PIN but did not become ready', 'accepted');
}

type SimState =
  | { kind: 'ready' }
  | { kind: 'pin' }
  | { kind: 'locked'; code: string; reason: string }
  | { kind: 'not-ready'; code: string; reason: string };

/** AT+CPIN? read, with the +CME ERROR codes of 27.007 §9.2 that stand for a SIM state. */
async function simState(engine: AtRunner): Promise<SimState> {
  const result = await engine.run('AT+CPIN?', { expect: '+CPIN:' });
  if (result.ok) {
    const value = parseCpin(result.lines);
    if (value === 'READY') return { kind: 'ready' };
    if (value === 'SIM PIN') return { kind: 'pin' };
    if (value === 'SIM PUK') {
      return { kind: 'locked', code: 'SIM_PUK_REQUIRED', reason: 'The SIM is locked and needs its PUK: unlock it in a phone' };
    }
    return { kind: 'locked', code: 'SIM_LOCKED', reason: `The SIM asks for ${value ?? 'an unknown code'}` };
  }
  const code = result.failure.kind === 'cme' ? result.failure.code : undefined;
  if (code === 10) return { kind: 'not-ready', code: 'SIM_MISSING', reason: 'No SIM in the modem' };
  if (code === 11) return { kind: 'pin' };
  if (code === 12) return { kind: 'locked', code: 'SIM_PUK_REQUIRED', reason: 'The SIM is locked and needs its PUK' };
  return { kind: 'not-ready', code: 'SIM_NOT_READY', reason: 'The SIM is not ready' };
}

function okLines(result: AtResult): string[] {
  return result.ok ? result.lines : [];
}
