/**
 * The parts of the `smpp` package (0.5.x) that Promemoria uses; the package ships
 * no types. We use it for PDU coding (and, in the benchmark, its bare client).
 * Decoded field values stay `unknown`: a PDU holds whatever the wire carried, so
 * every reader checks what it gets.
 */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';

  namespace smpp {
    type PduFields = Record<string, unknown>;

    class PDU {
      /** Builds a PDU to send; `fields` are the mandatory parameters and TLVs by name. */
      constructor(command: string, fields?: PduFields);
      /** Decodes one whole PDU (header included); text fields are transcoded by the package. */
      constructor(frame: Buffer);
      command_status: number;
      sequence_number: number;
      [field: string]: unknown;
      /** Encodes; a Buffer short_message is written as is, a string would be transcoded. */
      toBuffer(): Buffer;
    }

    /** How one mandatory parameter is read from a PDU body, without the package's text filters. */
    interface FieldType {
      read(buffer: Buffer, offset: number): unknown;
      size(value: unknown): number;
    }

    interface CommandDefinition {
      id: number;
      params?: Record<string, { type: FieldType }>;
    }

    interface SessionOptions {
      host: string;
      port: number;
    }

    /** The package's own client session (used only by the benchmark, as the bare baseline). */
    class Session extends EventEmitter {
      bind_transceiver(fields: PduFields, onResponse: (response: PDU) => void): boolean;
      submit_sm(fields: PduFields, onResponse: (response: PDU) => void): boolean;
      unbind(fields: PduFields, onResponse: (response: PDU) => void): boolean;
      destroy(): void;
    }

    function connect(options: SessionOptions): Session;

    /** Command status names (ESME_RTHROTTLED…) to their numeric values. */
    const errors: Readonly<Record<string, number>>;
    /** Command definitions by name, in the order their parameters travel. */
    const commands: Readonly<Record<string, CommandDefinition>>;
  }

  export = smpp;
}
