/**
 * How a failed AT+CMGS reads to the dispatcher: a SendOutcome with a code for
 * the log and `retryable` saying whether a later attempt may work.
 */
import type { SendOutcome } from '../transport';
import type { AtFailure } from './at-command-engine';
import { cmsErrorMeaning } from './cms-errors';

/** Trying again later may work. */
export function refused(code: string, reason: string): SendOutcome {
  return { ok: false, retryable: true, code, reason };
}

/** Trying again cannot work. */
export function rejected(code: string, reason: string): SendOutcome {
  return { ok: false, retryable: false, code, reason };
}

/** `sentSoFar` tells the log when earlier parts of the message did go out. */
export function sendFailure(failure: AtFailure, sentSoFar: string): SendOutcome {
  switch (failure.kind) {
    case 'cms': {
      if (failure.code === undefined) return refused('CMS_ERROR', `Modem error: ${failure.text}${sentSoFar}`);
      const meaning = cmsErrorMeaning(failure.code);
      return {
        ok: false,
        retryable: meaning.retryable,
        code: `CMS_ERROR_${failure.code}`,
        reason: `Modem: ${meaning.description}${sentSoFar}`,
      };
    }
    case 'cme':
      // A +CME ERROR on a send is about the modem or SIM state, not the message.
      return refused(`CME_ERROR_${failure.code ?? failure.text}`, `Modem error${sentSoFar}`);
    case 'error':
      return refused('MODEM_ERROR', `The modem answered ERROR${sentSoFar}`);
    case 'timeout':
      // The part may have gone out all the same: a retry can duplicate it (at-least-once).
      return refused('TIMEOUT', `No answer from the modem${sentSoFar}`);
    case 'link-down':
      return refused('LINK_DOWN', `The modem went away while sending${sentSoFar}`);
  }
}
