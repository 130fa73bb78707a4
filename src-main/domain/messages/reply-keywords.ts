export type ReplyMeaning = 'confirm' | 'cancel' | 'opt_out' | 'other';

const keywords: Record<Exclude<ReplyMeaning, 'other'>, readonly string[]> = {
  confirm: ['SI', 'OK', 'CONFERMO', 'CONFERMATO', 'C', '1', 'YES', 'Y'],
  cancel: ['NO', 'ANNULLA', 'DISDICO', 'DISDETTA', '2', 'CANCEL'],
  opt_out: ['STOP', 'REVOCA', 'CANCELLAMI', 'UNSUBSCRIBE', 'STOPALL'],
};

/** Words that may follow the keyword without changing the meaning ("Sì grazie", "OK thanks"). */
const courtesy = new Set(['GRAZIE', 'THANKS', 'THANK', 'YOU', 'CIAO', 'SALVE', 'BUONGIORNO', 'BUONASERA', 'SALUTI', 'CORDIALI', 'MILLE', 'PLEASE']);

function words(text: string): string[] {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase();
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * What a reply means, case and accents ignored: one keyword, alone or with a
 * word or two of courtesy ("Sì, grazie!"). Anything longer is for staff to read,
 * since "Sì ma posso alle 10?" is not a confirmation.
 */
export function interpretReply(text: string): ReplyMeaning {
  const [first, ...rest] = words(text);
  if (first === undefined || rest.length > 2 || !rest.every((word) => courtesy.has(word))) return 'other';
  for (const [meaning, list] of Object.entries(keywords) as [Exclude<ReplyMeaning, 'other'>, readonly string[]][]) {
    if (list.includes(first)) return meaning;
  }
  return 'other';
}
