/**
 * SMPP command_status values: their names (the `code` the dispatcher and the
 * message log see), a sentence for the person at the desk, and whether trying
 * again later can help.
 */
import smpp from './smpp-package';

const namesByValue = new Map<number, string>(Object.entries(smpp.errors).map(([name, value]) => [value, name]));

/** The SMSC is busy, not refusing the message: the dispatcher should try again later. */
const RETRYABLE = new Set(['ESME_RTHROTTLED', 'ESME_RMSGQFUL']);

/** Bind refusals that no amount of retrying fixes until someone changes the settings. */
const CREDENTIAL_ERRORS = new Set(['ESME_RINVPASWD', 'ESME_RINVSYSID', 'ESME_RINVSYSTYP']);

const READABLE: Readonly<Record<string, string>> = {
  ESME_RINVPASWD: 'the SMSC refused the password',
  ESME_RINVSYSID: 'the SMSC does not know this system id',
  ESME_RINVSYSTYP: 'the SMSC refused the system type',
  ESME_RBINDFAIL: 'the SMSC refused the bind',
  ESME_RALYBND: 'the SMSC says this account is already bound',
  ESME_RTHROTTLED: 'the SMSC asks to slow down (throttled)',
  ESME_RMSGQFUL: 'the SMSC message queue is full',
  ESME_RINVDSTADR: 'the SMSC refused the destination number',
  ESME_RINVSRCADR: 'the SMSC refused the sender',
  ESME_RINVMSGLEN: 'the SMSC refused the message length',
  ESME_RINVDCS: 'the SMSC refused the data coding',
  ESME_RINVESMCLASS: 'the SMSC refused the esm_class (concatenation header)',
  ESME_RSUBMITFAIL: 'the SMSC could not accept the message',
  ESME_RSYSERR: 'the SMSC reported a system error',
};

/** "ESME_RTHROTTLED", or "ESME_0x000000AB" for a value the package does not name. */
export function commandStatusName(status: number): string {
  return namesByValue.get(status) ?? `ESME_0x${status.toString(16).toUpperCase().padStart(8, '0')}`;
}

export function describeCommandStatus(status: number): string {
  const name = commandStatusName(status);
  return `${READABLE[name] ?? 'the SMSC returned an error'} (${name})`;
}

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE.has(commandStatusName(status));
}

export function isCredentialError(status: number): boolean {
  return CREDENTIAL_ERRORS.has(commandStatusName(status));
}
