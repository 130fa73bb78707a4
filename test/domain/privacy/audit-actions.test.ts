import { describe, expect, it } from 'vitest';
import { auditActionGroup, knownAuditActions, type AuditEntry } from '../../../src-main/contract/audit-methods';
import type { Language } from '../../../src-main/contract/schemas';
import { auditActionLabel, auditActorLabel, labelledAuditActions } from '../../../src-main/domain/privacy/audit-actions';
import { auditCsvHeader, auditCsvLines, officeDateTime } from '../../../src-main/domain/privacy/audit-csv';
import { en, type MessageKey } from '../../../src-renderer/i18n/messages-en';
import { officeWordingVars } from '../../../src-renderer/i18n/office-wording';
import { translate, type MessageVars } from '../../../src-renderer/i18n/translate';
import { auditDetailText } from '../../../src-renderer/screens/privacy/audit/audit-detail';
import { auditActionLabel as screenActionLabel, auditEntityLabel } from '../../../src-renderer/screens/privacy/audit/audit-labels';

/** t and tn as the provider builds them for a dental office. */
function i18nFor(language: Language) {
  const wording = officeWordingVars(language, 'dental');
  const t = (key: MessageKey, vars?: MessageVars) => translate(language, key, { ...wording, ...vars });
  const tn = (key: string, count: number, vars?: MessageVars) => t(`${key}.${count === 1 ? 'one' : 'other'}` as MessageKey, { ...vars, count });
  return { t, tn };
}

describe('audit action names', () => {
  it('the CSV and the screen name the same actions, every one the core writes', () => {
    expect([...labelledAuditActions].sort()).toEqual([...knownAuditActions].sort());
    const screenKeys = Object.keys(en).filter((key) => key.startsWith('privacy-audit.action.')).map((key) => key.slice('privacy-audit.action.'.length));
    expect(screenKeys.sort()).toEqual([...knownAuditActions].sort());
  });

  it('the CSV and the screen say the same words in both languages', () => {
    for (const language of ['it', 'en'] as const) {
      const { t } = i18nFor(language);
      for (const action of knownAuditActions) expect(auditActionLabel(action, language, 'dental'), action).toBe(screenActionLabel(t, action));
    }
  });

  it("speaks the office's words, and names an unknown action by its group and code", () => {
    expect(auditActionLabel('client.create', 'it', 'dental')).toBe('Scheda paziente creata');
    expect(auditActionLabel('client.create', 'it', 'legal')).toBe('Scheda cliente creata');
    expect(auditActionLabel('room.update', 'en', 'dental')).toBe('Chair changed');
    expect(auditActionLabel('consents.grant', 'it', 'dental')).toBe('Consensi: consents.grant');
    expect(auditActionLabel('whatever', 'en', 'dental')).toBe('Other: whatever');
    expect(screenActionLabel(i18nFor('en').t, 'privacy.restore')).toBe('Privacy: privacy.restore');
    expect(screenActionLabel(i18nFor('en').t, 'privacy.erase')).toBe("A patient's data erased");
    expect(auditActionGroup('appointments.confirmed')).toBe('appointment');
    expect(auditActorLabel('client by SMS', 'it', 'dental')).toBe('Paziente con risposta SMS');
    expect(auditActorLabel('someone', 'it', 'dental')).toBe('someone');
  });

  it('puts the known details into words, shows the rest as written', () => {
    const { t, tn } = i18nFor('it');
    const detail = (action: string, text: string | null) => auditDetailText(t, tn, 'it-IT', { action, detail: text });
    expect(detail('settings.update', 'officeName,timeZone,x.y')).toBe('Modificati: nome dello studio, fuso orario, x.y');
    expect(detail('sms.channel.update', '{"kind":"smpp","previousKind":"simulator","settings":"changed","smppPassword":"changed","simPin":"unchanged"}')).toBe(
      'account SMPP (prima: simulatore) · impostazioni modificate · password SMPP cambiata',
    );
    expect(detail('store.backup', '{"bytes":2500000,"integrity":"ok"}')).toBe('copia verificata di 2,4 MB, integrità ok');
    expect(detail('store.backup', '{"reason":"before upgrade","fromVersion":3}')).toBe("copia automatica prima dell'aggiornamento del database (dalla versione 3)");
    expect(detail('privacy.record.update', '{"language":"en","fields":["dpo","security"]}')).toBe('inglese: DPO, misure di sicurezza');
    expect(detail('appointment.create', '{"count":3,"conflictsAccepted":1}')).toBe('3 appuntamenti · sovrapposizioni accettate: 1');
    expect(detail('clients.exportCsv', '{"rows":1,"archived":true}')).toBe('1 riga · pazienti archiviati');
    expect(detail('privacy.hold.set', '{"until":"2036-01-31"}')).toBe('fino al 31/01/2036');
    expect(detail('privacy.retention.run', '{"trigger":"manual","messageTexts":3,"replies":0,"auditEntries":12,"heldBack":1}')).toBe(
      'rimossi: 3 testi di SMS, 0 risposte, 12 voci del registro · trattenuti per blocco legale: 1 · avviato a mano',
    );
    expect(detail('client.update', 'fields: notes')).toBe('fields: notes');
    expect(detail('x.y', '{"a":1,"b":"c"}')).toBe('a: 1 · b: c');
    expect(detail('x.y', null)).toBe('');
    expect(auditEntityLabel(t, 'appointment', 12)).toBe('Appuntamento n. 12');
    expect(auditEntityLabel(t, 'client', null)).toBe('Pazienti');
    expect(auditEntityLabel(t, 'privacy_notice', null)).toBe('Informativa privacy');
    expect(auditEntityLabel(t, null, null)).toBe('');
  });
});

describe('audit CSV', () => {
  const entry = (changes: Partial<AuditEntry>): AuditEntry => ({
    id: 1, at: Date.UTC(2026, 2, 29, 1, 30), actor: 'office', action: 'client.update', entity: 'client', entityId: 7, detail: null,
    client: { id: 7, name: 'Rossi Mario', erased: false }, ...changes,
  });

  it('writes office times across a change of the clocks, and keeps formulas and separators as text', () => {
    const options = { language: 'it', officeType: 'dental', timeZone: 'Europe/Rome' } as const;
    expect(officeDateTime(Date.UTC(2026, 2, 29, 0, 59, 59), 'Europe/Rome')).toBe('2026-03-29 01:59:59');
    expect(officeDateTime(Date.UTC(2026, 2, 29, 1, 0, 0), 'Europe/Rome')).toBe('2026-03-29 03:00:00');
    expect(auditCsvHeader(options)).toBe('\uFEFFData e ora (Europe/Rome);Chi;Azione;Codice azione;Oggetto;ID oggetto;ID Paziente;Paziente;Dettagli\r\n');
    const lines = auditCsvLines(
      [
        entry({ detail: 'fields: notes;mobile' }),
        entry({ id: 2, client: { id: 7, name: '=HYPERLINK("x")', erased: false }, detail: '-1' }),
        entry({ id: 3, client: { id: 8, name: null, erased: true }, entity: 'appointment', entityId: 3 }),
        entry({ id: 4, client: null, action: 'settings.update', entity: 'settings', entityId: null, detail: 'officeName' }),
      ],
      options,
    ).split('\r\n');
    expect(lines).toEqual([
      '2026-03-29 03:30:00;Studio;Scheda paziente modificata;client.update;client;7;7;Rossi Mario;"fields: notes;mobile"',
      `2026-03-29 03:30:00;Studio;Scheda paziente modificata;client.update;client;7;7;"'=HYPERLINK(""x"")";'-1`,
      '2026-03-29 03:30:00;Studio;Scheda paziente modificata;client.update;appointment;3;8;(dati cancellati);',
      '2026-03-29 03:30:00;Studio;Impostazioni modificate;settings.update;settings;;;;officeName',
      '',
    ]);
  });
});
