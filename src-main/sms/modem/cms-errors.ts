/**
 * What a +CMS ERROR on AT+CMGS means for the message (27.005 §3.2.5; 0–255 are
 * the network's RP and TP causes of 24.011 and 23.040). The rule: a cause about
 * the message or its recipient (no such number, barred, malformed) is permanent;
 * a cause about the network, the SIM or the modem is retryable, since the same
 * message goes through once that clears — the dispatcher caps the attempts.
 */

export interface CmsErrorMeaning {
  retryable: boolean;
  description: string;
}

const PERMANENT: Record<number, string> = {
  1: 'unassigned number',
  8: 'operator determined barring',
  10: 'call barred',
  // "Short message transfer rejected": the network refuses this SIM's messages (often no credit or SMS barred).
  21: 'short message rejected by the network (check SIM credit and barring)',
  28: 'unidentified subscriber',
  29: 'facility rejected',
  30: 'unknown subscriber',
  50: 'requested facility not subscribed',
  69: 'requested facility not implemented',
  95: 'invalid message',
  96: 'invalid mandatory information',
  97: 'message type non-existent',
  128: 'telematic interworking not supported',
  144: 'data coding scheme not supported',
  145: 'message class not supported',
  176: 'TPDU not supported',
  193: 'no SMSC subscription',
  195: 'invalid destination address',
  196: 'destination barred',
  197: 'rejected as a duplicate',
  198: 'validity period format not supported',
  199: 'validity period not supported',
  303: 'operation not supported by the modem',
  304: 'invalid PDU',
  305: 'invalid text mode parameter',
};

const RETRYABLE: Record<number, string> = {
  27: 'destination out of service',
  38: 'network out of order',
  41: 'temporary network failure',
  42: 'network congestion',
  47: 'network resources unavailable',
  81: 'invalid short message reference',
  111: 'protocol error',
  127: 'interworking error',
  192: 'SMSC busy',
  194: 'SMSC system failure',
  212: 'SIM toolkit busy',
  255: 'unspecified error',
  300: 'modem failure',
  301: 'SMS service of the modem reserved',
  302: 'operation not allowed now',
  310: 'SIM not inserted',
  311: 'SIM PIN required',
  313: 'SIM failure',
  314: 'SIM busy',
  316: 'SIM PUK required',
  320: 'memory failure',
  322: 'memory full',
  330: 'SMSC address unknown',
  331: 'no network service',
  332: 'network timeout',
  // "Unknown error": modems use it for passing trouble (Huawei for a busy network); the attempt cap bounds it.
  500: 'unknown modem error',
};

export function cmsErrorMeaning(code: number): CmsErrorMeaning {
  const permanent = PERMANENT[code];
  if (permanent !== undefined) return { retryable: false, description: permanent };
  // Unlisted causes, and the maker-specific 512 and up, are not known to be about the message itself.
  return { retryable: true, description: RETRYABLE[code] ?? `error ${code}` };
}
