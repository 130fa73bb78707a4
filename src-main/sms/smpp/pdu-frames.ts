/**
 * Cuts the TCP byte stream into whole PDUs (SMPP 3.4 §3.2: every PDU starts with
 * its own 4-byte length). We frame ourselves rather than through the package's
 * session so that a deliver_sm's raw bytes stay available: the package decodes
 * short_message into a string, which would lose a GSM-7 escape split across parts.
 */

const HEADER_LENGTH = 16;
/** Far above any PDU we exchange (a short_message is at most 255 bytes); a bigger length means a broken stream. */
const MAX_PDU_LENGTH = 64 * 1024;

export class PduFrameReader {
  private buffered: Buffer = Buffer.alloc(0);

  /** Adds received bytes; returns the PDUs they complete. Throws on a length no SMSC would send. */
  push(chunk: Buffer): Buffer[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const frames: Buffer[] = [];
    let start = 0;
    while (this.buffered.length - start >= 4) {
      const length = this.buffered.readUInt32BE(start);
      if (length < HEADER_LENGTH || length > MAX_PDU_LENGTH) {
        throw new Error(`Invalid PDU length ${length} from the SMSC`);
      }
      if (this.buffered.length - start < length) break;
      frames.push(this.buffered.subarray(start, start + length));
      start += length;
    }
    this.buffered = this.buffered.subarray(start);
    return frames;
  }
}

export interface PduHeader {
  commandId: number;
  commandStatus: number;
  sequenceNumber: number;
}

export function readPduHeader(frame: Buffer): PduHeader {
  return {
    commandId: frame.readUInt32BE(4),
    commandStatus: frame.readUInt32BE(8),
    sequenceNumber: frame.readUInt32BE(12),
  };
}

/** Responses have the top bit of command_id set (SMPP 3.4 §5.1.2.1). */
export function isResponseId(commandId: number): boolean {
  return (commandId & 0x80000000) !== 0;
}
