import { strToU8, Zip, ZipDeflate } from 'fflate';

/** ZIP timestamps are MS-DOS dates: nothing before 1980 fits. */
const EARLIEST_ZIP_TIME = Date.UTC(1980, 0, 2);

/** One file being written into the archive, in as many pieces as the caller likes. */
export interface ZipEntryWriter {
  write(text: string): void;
  end(): void;
}

/**
 * Builds a ZIP in memory as its files are written, with fflate's streaming DEFLATE:
 * a large export is compressed page by page instead of being held whole as text
 * first. Files come out in the order they were opened; a file opened while another
 * is still being written has its compressed pieces held until its turn.
 *
 * Every entry gets the export's time, so the same data exported at the same moment
 * gives the same bytes. Names are UTF-8 (fflate sets the flag when needed).
 */
export class ZipWriter {
  private readonly zip: Zip;
  private readonly chunks: Uint8Array[] = [];
  private readonly mtime: Date;
  private readonly names = new Set<string>();
  private failure: Error | undefined;
  private finished = false;

  constructor(modifiedAt: number) {
    this.mtime = new Date(Math.max(modifiedAt, EARLIEST_ZIP_TIME));
    this.zip = new Zip((err, data, final) => {
      if (err) {
        this.failure = err;
        return;
      }
      this.chunks.push(data);
      if (final) this.finished = true;
    });
  }

  /** Opens a file for writing in pieces (text, stored as UTF-8). */
  open(name: string): ZipEntryWriter {
    const entry = this.add(name);
    return {
      write: (text) => {
        if (text !== '') entry.push(strToU8(text));
      },
      end: () => {
        entry.push(new Uint8Array(0), true);
        this.check();
      },
    };
  }

  addText(name: string, text: string): void {
    this.addBytes(name, strToU8(text));
  }

  addBytes(name: string, bytes: Uint8Array): void {
    this.add(name).push(bytes, true);
    this.check();
  }

  /** Ends the archive; every opened file must have been ended. */
  finish(): Uint8Array {
    this.zip.end();
    this.check();
    if (!this.finished) throw new Error('ZIP not complete: a file was opened and never ended');
    const size = this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const out = new Uint8Array(size);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }

  private add(name: string): ZipDeflate {
    if (this.names.has(name)) throw new Error(`ZIP already has a file named ${name}`);
    this.names.add(name);
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = this.mtime;
    this.zip.add(entry);
    this.check();
    return entry;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
