/**
 * The one interface every SMS channel implements (GSM modem, SMPP account,
 * built-in simulator). The dispatcher owns the queue and the retries; a transport
 * only tries once and says how it went.
 */

/** One SMS to one person, as the dispatcher hands it over. */
export interface OutgoingSms {
  /** Our message id, for correlation in logs and events; never shown to the recipient. */
  id: string;
  /** E.164, e.g. "+393331234567". */
  to: string;
  /** The whole text; the transport splits it into parts (GSM-7 or UCS-2) itself. */
  text: string;
  requestDeliveryReport: boolean;
  /** How long the network should keep trying, in minutes (relative validity). */
  validityMinutes?: number;
}

export type SendOutcome =
  | {
      ok: true;
      /** The channel's reference for each part, in order (SMPP message_id, modem +CMGS reference). */
      references: string[];
    }
  | {
      ok: false;
      /** True when trying again later may work (link down, throttled, busy, timeout). */
      retryable: boolean;
      /** Machine-readable cause: "ESME_RTHROTTLED", "CMS_ERROR_38", "TIMEOUT", "LINK_DOWN"… */
      code: string;
      /** For the person at the desk and the message log. */
      reason: string;
    };

export type DeliveryState = 'delivered' | 'failed' | 'expired' | 'unknown';

export interface DeliveryReport {
  /** The part reference given by send(). */
  reference: string;
  state: DeliveryState;
  /** As reported: "DELIVRD", "UNDELIV", "TP-Status 0x41"… */
  detail: string;
  /** UTC epoch ms at which the report arrived. */
  at: number;
}

export interface InboundSms {
  /** E.164 where the number is international, else as received. */
  from: string;
  /** Reassembled when it came in several parts. */
  text: string;
  receivedAt: number;
}

export type LinkState = 'connecting' | 'up' | 'down' | 'closed';

export interface LinkStatus {
  state: LinkState;
  /** One line for the settings screen: "Bound to smsc.example.it:2775", "Registered, TIM, signal 4/5". */
  detail: string;
  /** 0–5 bars, modem only. */
  signalBars?: number;
  operator?: string;
  lastError?: string;
}

export type TransportEvent =
  | { type: 'delivery'; report: DeliveryReport }
  | { type: 'inbound'; sms: InboundSms }
  | { type: 'status'; status: LinkStatus };

export interface SmsTransport {
  readonly kind: 'simulator' | 'modem' | 'smpp';
  /** Starts connecting (and keeps reconnecting with backoff after drops) until close(). */
  start(): void;
  /** One attempt; never throws for channel trouble, which comes back as { ok: false }. */
  send(sms: OutgoingSms): Promise<SendOutcome>;
  status(): LinkStatus;
  /** Facts for `doctor` beyond the status line (modem make and model, registration…). */
  describe?(): { label: string; value: string }[];
  subscribe(listener: (event: TransportEvent) => void): () => void;
  /** Graceful: waits for in-flight sends to be answered (or time out), unbinds, closes the port. */
  close(): Promise<void>;
}
