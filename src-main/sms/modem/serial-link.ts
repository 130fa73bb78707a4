/**
 * One open serial port to a modem: lines (CR LF) and raw text in, text out, and
 * a single "down" signal when the port goes away (USB unplugged, read or write
 * error, closed under us).
 */
import { ReadlineParser, SerialPort } from 'serialport';

export interface SerialLinkHandlers {
  onLine(line: string): void;
  onRaw(text: string): void;
  /** Called once, when the port stops working by itself (not after close()). */
  onDown(reason: string): void;
}

export interface SerialLinkOptions {
  path: string;
  baudRate: number;
}

export class SerialLink {
  private closing = false;
  private down = false;

  private constructor(
    private readonly port: SerialPort,
    /** False where the port refused DTR/RTS (pseudo-terminals, some adapters). */
    readonly controlLinesSet: boolean,
    private readonly handlers: SerialLinkHandlers,
  ) {
    const parser = port.pipe(new ReadlineParser({ delimiter: '\r\n', encoding: 'latin1' }));
    port.on('data', (chunk: Buffer) => handlers.onRaw(chunk.toString('latin1')));
    parser.on('data', (line: string) => handlers.onLine(line));
    port.on('error', (error: Error) => this.goDown(error.message));
    port.on('close', () => this.goDown('port closed'));
  }

  /** Opens the port; throws with the system's reason when it cannot. */
  static async open(options: SerialLinkOptions, handlers: SerialLinkHandlers): Promise<SerialLink> {
    const port = new SerialPort({ path: options.path, baudRate: options.baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    // Many modems want DTR up to talk; pseudo-terminals and some USB adapters reject the ioctl. Carry on without.
    const controlLinesSet = await new Promise<boolean>((resolve) =>
      port.set({ dtr: true, rts: true }, (error) => resolve(!error)),
    );
    return new SerialLink(port, controlLinesSet, handlers);
  }

  write(text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.down || this.closing) {
        reject(new Error('port not open'));
        return;
      }
      this.port.write(Buffer.from(text, 'latin1'), (error) => {
        if (!error) return resolve();
        this.goDown(error.message);
        reject(error);
      });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (!this.port.isOpen) return;
    await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }

  private goDown(reason: string): void {
    if (this.down || this.closing) return;
    this.down = true;
    this.handlers.onDown(reason);
    if (this.port.isOpen) this.port.close(() => undefined);
  }
}
