export type RefusalReason = 'not-a-database' | 'not-ours' | 'corrupt' | 'too-new' | 'unreadable' | 'read-only' | 'in-use';

/**
 * The database file cannot be used. The message is for the person at the desk:
 * what happened, that nothing was changed, and what to do next.
 */
export class StoreRefusedError extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreRefusedError';
  }
}

export function refusalMessage(reason: RefusalReason, path: string, detail: string): string {
  const unchanged = 'Nothing was changed in the file.';
  switch (reason) {
    case 'not-a-database':
      return `The file ${path} is not a Promemoria database. ${unchanged} Start Promemoria with another data folder, or put a backup copy in its place.`;
    case 'not-ours':
      return `The file ${path} is a database of another program, not of Promemoria. ${unchanged} Start Promemoria with another data folder.`;
    case 'corrupt':
      return `The Promemoria database ${path} is damaged (${detail}). ${unchanged} Restore your latest backup, or call your technician and show them this message.`;
    case 'too-new':
      return `The database ${path} was saved by a newer version of Promemoria (${detail}). ${unchanged} Install the latest version of Promemoria on this computer, then open it again.`;
    case 'unreadable':
      return `Promemoria cannot open ${path} (${detail}). ${unchanged} Check that the file and its folder can be read and written by your Windows or Linux user.`;
    case 'read-only':
      return `Promemoria can read ${path} but not write to it (${detail}). ${unchanged} Check that the file and its folder can be written by your Windows or Linux user (a folder on a CD, a locked USB stick or a read-only share cannot be used), then open Promemoria again.`;
    case 'in-use':
      return `The database ${path} is in use by another program (${detail}). ${unchanged} Close the other Promemoria window or command, then try again.`;
  }
}
