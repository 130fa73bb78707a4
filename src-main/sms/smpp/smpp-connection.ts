/**
 * One TCP (or TLS) connection to an SMSC carrying PDUs: framing, sequence numbers,
 * and matching each response to its request. It knows nothing of binds or
 * windows; when the socket goes, every request still waiting fails with
 * LinkDownError and onClose fires once.
 */
import net from 'node:net';
import tls from 'node:tls';
import { isResponseId, PduFrameReader, readPduHeader, type PduHeader } from './pdu-frames';
import smpp from './smpp-package';
import type { Timers } from '../../app/timers';

export class LinkDownError extends Error {
  override readonly name = 'LinkDownError';
}

export interface ConnectionTarget {
  host: string;
  port: number;
  tls: boolean;
  /** Extra TLS settings (a private CA, a server name); only read when tls is true. */
  tlsOptions?: tls.ConnectionOptions;
  connectTimeoutMs: number;
}

export interface ConnectionHandlers {
  /** A request from the SMSC (deliver_sm, enquire_link, unbind…), as raw bytes: readers pick what they need. */
  onRequest(header: PduHeader, frame: Buffer): void;
  onClose(reason: string): void;
}

interface Waiter {
  resolve(response: smpp.PDU): void;
  reject(error: Error): void;
}

const MAX_SEQUENCE = 0x7fffffff;

export class SmppConnection {
  private readonly frames = new PduFrameReader();
  private readonly waiters = new Map<number, Waiter>();
  private lastSequence = 0;
  private closeReason: string | undefined;
  private corked = false;

  private constructor(
    private readonly socket: net.Socket,
    private readonly handlers: ConnectionHandlers,
  ) {
    // A lone submit must not wait on Nagle's algorithm; write() batches what can be batched.
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.noteCloseReason(error.message));
    socket.on('end', () => {
      this.noteCloseReason('the SMSC closed the connection');
      socket.destroy();
    });
    socket.on('close', () => this.closed());
  }

  /** Connects; rejects with LinkDownError when the SMSC cannot be reached in time or `abort` fires first. */
  static open(
    target: ConnectionTarget,
    timers: Timers,
    handlers: ConnectionHandlers,
    abort: AbortSignal,
  ): Promise<SmppConnection> {
    return new Promise((resolve, reject) => {
      const socket = target.tls
        ? tls.connect({ ...target.tlsOptions, host: target.host, port: target.port, servername: serverName(target) })
        : net.connect({ host: target.host, port: target.port });
      const cancelTimeout = timers.schedule(target.connectTimeoutMs, () =>
        socket.destroy(new Error(`no answer from ${target.host}:${target.port} within ${target.connectTimeoutMs} ms`)),
      );
      const aborted = () => socket.destroy(new Error('closed'));
      abort.addEventListener('abort', aborted, { once: true });
      const settled = () => {
        cancelTimeout();
        abort.removeEventListener('abort', aborted);
      };
      const failed = (error: Error) => {
        settled();
        reject(new LinkDownError(`Cannot connect to ${target.host}:${target.port}: ${error.message}`));
      };
      socket.once('error', failed);
      socket.once(target.tls ? 'secureConnect' : 'connect', () => {
        settled();
        socket.off('error', failed);
        resolve(new SmppConnection(socket, handlers));
      });
    });
  }

  get isOpen(): boolean {
    return this.closeReason === undefined && !this.socket.destroyed;
  }

  /**
   * Sends a request and resolves with its response (which may carry an error
   * command_status, or be a generic_nack). No timeout here: callers decide how
   * long to wait and what a missing answer means.
   */
  request(command: string, fields: smpp.PduFields = {}): Promise<smpp.PDU> {
    if (!this.isOpen) return Promise.reject(new LinkDownError(this.closeReason ?? 'the connection is closed'));
    this.lastSequence = this.lastSequence >= MAX_SEQUENCE ? 1 : this.lastSequence + 1;
    const pdu = new smpp.PDU(command, { ...fields, sequence_number: this.lastSequence });
    const frame = pdu.toBuffer();
    return new Promise((resolve, reject) => {
      this.waiters.set(pdu.sequence_number, { resolve, reject });
      this.write(frame);
    });
  }

  /** Answers a request from the SMSC with the same sequence number. */
  respond(command: string, sequenceNumber: number, commandStatus = 0): void {
    if (!this.isOpen) return;
    const pdu = new smpp.PDU(command, { sequence_number: sequenceNumber, command_status: commandStatus });
    this.write(pdu.toBuffer());
  }

  /**
   * PDUs written in the same tick (several submits freed by one batch of answers)
   * leave in one system call: fewer packets and wake-ups on both ends.
   */
  private write(frame: Buffer): void {
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    this.socket.write(frame);
  }

  /** Half-closes after the last write and waits for the socket to go (at most `timeoutMs`). */
  end(timeoutMs: number, timers: Timers): Promise<void> {
    if (this.socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const cancel = timers.schedule(timeoutMs, () => this.drop('closed'));
      this.socket.once('close', () => {
        cancel();
        resolve();
      });
      this.noteCloseReason('closed');
      this.socket.end();
    });
  }

  /** Closes at once; waiting requests fail with LinkDownError(reason). */
  drop(reason: string): void {
    this.noteCloseReason(reason);
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.frames.push(chunk);
    } catch (error) {
      this.drop(error instanceof Error ? error.message : String(error));
      return;
    }
    for (const frame of frames) {
      if (!this.isOpen) return;
      this.dispatch(frame);
    }
  }

  private dispatch(frame: Buffer): void {
    const header = readPduHeader(frame);
    if (!isResponseId(header.commandId)) {
      this.handlers.onRequest(header, frame);
      return;
    }
    const waiter = this.waiters.get(header.sequenceNumber);
    if (waiter === undefined) return; // an answer to nothing we sent: nothing to match it with
    this.waiters.delete(header.sequenceNumber);
    const pdu = decode(frame);
    if (pdu !== undefined) waiter.resolve(pdu);
    else this.drop('the SMSC sent an undecodable response'); // a broken stream: start afresh
  }

  private noteCloseReason(reason: string): void {
    this.closeReason ??= reason;
  }

  private closed(): void {
    this.noteCloseReason('the connection was closed');
    const reason = this.closeReason ?? '';
    for (const waiter of this.waiters.values()) waiter.reject(new LinkDownError(reason));
    this.waiters.clear();
    this.handlers.onClose(reason);
  }
}

function decode(frame: Buffer): smpp.PDU | undefined {
  try {
    return new smpp.PDU(frame);
  } catch {
    return undefined;
  }
}

/** SNI takes a host name, never an IP address. */
function serverName(target: ConnectionTarget): string | undefined {
  return target.tlsOptions?.servername ?? (net.isIP(target.host) === 0 ? target.host : undefined);
}
