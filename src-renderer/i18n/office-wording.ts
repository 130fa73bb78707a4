import type { Language, OfficeType } from '../../src-main/contract/schemas';
import { capitalizeFirst } from './capitalize';

/** The words that change with the kind of office, lower case. */
type OfficeWording = Record<'client' | 'clients' | 'room' | 'rooms' | 'staff' | 'staffMember', string>;

const wordings: Record<Language, Record<OfficeType, OfficeWording>> = {
  en: {
    dental: { client: 'patient', clients: 'patients', room: 'chair', rooms: 'chairs', staff: 'dentists', staffMember: 'dentist' },
    legal: { client: 'client', clients: 'clients', room: 'room', rooms: 'rooms', staff: 'lawyers', staffMember: 'lawyer' },
    other: { client: 'client', clients: 'clients', room: 'room', rooms: 'rooms', staff: 'staff', staffMember: 'staff member' },
  },
  it: {
    dental: { client: 'paziente', clients: 'pazienti', room: 'poltrona', rooms: 'poltrone', staff: 'dentisti', staffMember: 'dentista' },
    legal: { client: 'cliente', clients: 'clienti', room: 'sala', rooms: 'sale', staff: 'avvocati', staffMember: 'avvocato' },
    other: { client: 'cliente', clients: 'clienti', room: 'stanza', rooms: 'stanze', staff: 'personale', staffMember: 'operatore' },
  },
};

/**
 * Placeholder values for the office's wording: `{clients}` gives "pazienti" and
 * `{Clients}` gives "Pazienti", so texts can use a word mid-sentence or as a heading.
 */
export function officeWordingVars(language: Language, officeType: OfficeType): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, word] of Object.entries(wordings[language][officeType])) {
    vars[name] = word;
    vars[capitalizeFirst(name)] = capitalizeFirst(word);
  }
  return vars;
}
