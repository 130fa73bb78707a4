import { describe, expect, it } from 'vitest';
import { recognizeColumns } from '../../../../src-main/domain/clients/csv-import/header-mapping';

describe('recognizeColumns', () => {
  it('recognises Italian headers, whatever their case, accents and spacing', () => {
    expect(recognizeColumns(['NOME', ' cognome ', 'Cellulare', 'E-mail', 'Lingua', 'Note', 'Città'])).toEqual([
      'firstName', 'lastName', 'mobile', 'email', 'language', 'notes', null,
    ]);
    expect(recognizeColumns(['N. cellulare', 'Posta elettronica', 'Annotazioni', 'Cognome'])).toEqual(['mobile', 'email', 'notes', 'lastName']);
  });

  it('recognises English headers', () => {
    expect(recognizeColumns(['First name', 'Last Name', 'Mobile phone', 'Email', 'Language', 'Notes'])).toEqual([
      'firstName', 'lastName', 'mobile', 'email', 'language', 'notes',
    ]);
    expect(recognizeColumns(['first_name', 'SURNAME', 'cell-phone'])).toEqual(['firstName', 'lastName', 'mobile']);
  });

  it('takes "Telefono" as the mobile only when there is no mobile column', () => {
    expect(recognizeColumns(['Cognome', 'Telefono'])).toEqual(['lastName', 'mobile']);
    expect(recognizeColumns(['Cognome', 'Telefono', 'Cellulare'])).toEqual(['lastName', null, 'mobile']);
    expect(recognizeColumns(['Last name', 'Phone'])).toEqual(['lastName', 'mobile']);
  });

  it('gives each field to its first column only', () => {
    expect(recognizeColumns(['Cognome', 'Email', 'E-mail'])).toEqual(['lastName', 'email', null]);
  });
});
