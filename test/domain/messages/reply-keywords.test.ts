import { describe, expect, it } from 'vitest';
import { interpretReply } from '../../../src-main/domain/messages/reply-keywords';

describe('reading a client reply', () => {
  it.each(['SI', 'Sì', 'sì!', 'si', "si'", 'OK', 'ok.', 'CONFERMO', 'Confermato', 'C', '1', 'YES', 'y'])('reads "%s" as a confirmation', (text) => {
    expect(interpretReply(text)).toBe('confirm');
  });

  it.each(['NO', 'no', 'No.', 'ANNULLA', 'Disdico', 'disdetta', '2', 'CANCEL', 'cancel'])('reads "%s" as a cancellation', (text) => {
    expect(interpretReply(text)).toBe('cancel');
  });

  it.each(['STOP', 'stop', 'Stop!', 'REVOCA', 'Cancellami', 'UNSUBSCRIBE', 'STOPALL'])('reads "%s" as an opt-out', (text) => {
    expect(interpretReply(text)).toBe('opt_out');
  });

  it('ignores case, accents and the spaces and punctuation around the keyword', () => {
    expect(interpretReply('  SÌ  ')).toBe('confirm');
    expect(interpretReply('¡¡sí!!')).toBe('confirm');
    expect(interpretReply('Sì 👍')).toBe('confirm');
    expect(interpretReply('...stop...')).toBe('opt_out');
  });

  it('tells "CANCELLAMI" (opt-out) from "CANCEL" (cancellation)', () => {
    expect(interpretReply('cancellami')).toBe('opt_out');
    expect(interpretReply('cancel')).toBe('cancel');
  });

  it('accepts a word or two of courtesy after the keyword', () => {
    expect(interpretReply('Sì grazie')).toBe('confirm');
    expect(interpretReply('Sì, grazie mille!')).toBe('confirm');
    expect(interpretReply('OK thanks')).toBe('confirm');
    expect(interpretReply('No grazie')).toBe('cancel');
    expect(interpretReply('STOP grazie')).toBe('opt_out');
  });

  it('leaves to staff a keyword followed by more than two courtesy words', () => {
    expect(interpretReply('Sì grazie mille ciao')).toBe('other');
  });

  it('leaves to staff a keyword followed by anything that is not courtesy', () => {
    expect(interpretReply('Sì ma posso alle 10?')).toBe('other');
    expect(interpretReply('Si può spostare?')).toBe('other');
    expect(interpretReply('OK ma arrivo tardi')).toBe('other');
  });

  it('leaves to staff a sentence that does not start with a keyword', () => {
    expect(interpretReply('Non posso venire')).toBe('other');
    expect(interpretReply('Grazie, sì')).toBe('other');
    expect(interpretReply('Nope')).toBe('other');
    expect(interpretReply('10')).toBe('other');
    expect(interpretReply('3')).toBe('other');
  });

  it('reads an empty reply, or one with no letters or digits, as other', () => {
    expect(interpretReply('')).toBe('other');
    expect(interpretReply('   ')).toBe('other');
    expect(interpretReply('👍')).toBe('other');
    expect(interpretReply('?!')).toBe('other');
  });
});
