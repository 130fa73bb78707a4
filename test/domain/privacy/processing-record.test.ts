import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore, type Core } from '../../../src-main/app/create-core';
import { databasePathIn } from '../../../src-main/app/data-dir';
import { silentLogger } from '../../../src-main/app/logger';
import type { Settings } from '../../../src-main/contract/schemas';
import { SqliteConnection } from '../../../src-main/db/sqlite-connection';
import {
  applyRecordEdits,
  buildRecord,
  prefilledRecord,
  readRetention,
  readStoredRecord,
  type RecordContext,
} from '../../../src-main/domain/privacy/processing-record';
import { documentHtml } from '../../../src-main/domain/privacy/privacy-document-format';
import { apiCall as ok } from '../../support/api-call';
import { tempDir } from '../../support/temp-dir';

const NOW = Date.UTC(2026, 10, 24, 9, 0);

function context(officeType: Settings['officeType'], channel: RecordContext['channel'] = { kind: 'simulator' }): RecordContext {
  return {
    settings: { officeName: 'Studio Rossi', officePhone: '+390612345678', officeType, timeZone: 'Europe/Rome' },
    channel,
    retention: { messageMonths: 24, repliesMonths: 24, auditYears: 5 },
  };
}

describe('record of processing activities: pre-filled from the settings', () => {
  it('a dental office: health data implied by the appointments, SMS without health details, patients', () => {
    const it_ = prefilledRecord('it', context('dental'));
    expect(it_.controller).toBe('Studio Rossi\nTelefono: +39 06 1234 5678\nIndirizzo, codice fiscale o partita IVA, e-mail o PEC: [da completare]');
    expect(it_.dataCategories).toContain('Dati relativi alla salute (art. 9 GDPR): in uno studio dentistico il fatto stesso di avere appuntamenti');
    expect(it_.dataCategories).toContain('mai trattamenti o altri dati sulla salute');
    expect(it_.purposes).toContain('finalità di cura (art. 9.2.h GDPR)');
    expect(it_.purposes).toContain('solo ai pazienti che hanno dato un consenso esplicito');
    expect(it_.dataSubjects).toContain('Pazienti dello studio');
    const en = prefilledRecord('en', context('dental'));
    expect(en.dataCategories).toContain('Data concerning health (GDPR Art. 9): at a dental office, the mere fact of having appointments');
    expect(en.dataCategories).toContain('never treatments or other health details');
    expect(en.dataSubjects).toContain("The office's patients");
  });

  it('a law firm: no health data, but proceedings and professional secrecy; clients', () => {
    const it_ = prefilledRecord('it', context('legal'));
    expect(it_.dataCategories).not.toContain('salute');
    expect(it_.dataCategories).toContain('segreto professionale');
    expect(it_.dataCategories).toContain('mai dettagli della pratica');
    expect(it_.purposes).toContain('esecuzione del mandato professionale');
    expect(it_.retention).toContain('art. 2946 c.c.');
    const en = prefilledRecord('en', context('legal'));
    expect(en.dataCategories).not.toMatch(/health/);
    expect(en.dataCategories).toContain('covered by professional secrecy');
    expect(en.dataSubjects).toContain("The office's clients who are natural persons");
    // Another kind of office claims neither.
    const other = prefilledRecord('it', context('other'));
    expect(other.dataCategories).not.toMatch(/salute|segreto/);
  });

  it('names the SMS carrier or provider as processor, from the channel settings', () => {
    expect(prefilledRecord('it', context('dental')).recipients).toContain('nessun messaggio lascia il computer dello studio');
    const modem = prefilledRecord('it', context('dental', { kind: 'modem', modemOperator: 'TIM' }));
    expect(modem.recipients).toContain('Operatore telefonico della SIM inserita nel modem GSM (TIM)');
    expect(modem.recipients).toContain('responsabile del trattamento (art. 28 GDPR)');
    const smpp = prefilledRecord('en', context('dental', { kind: 'smpp', smppHost: 'smpp.provider.example' }));
    expect(smpp.recipients).toContain('The SMS provider reached over SMPP (smpp.provider.example)');
    expect(smpp.transfers).toContain('Check in the contract that the SMS provider processes the data within the EU');
    expect(prefilledRecord('en', context('dental')).transfers).toBe('No transfer to countries outside the European Union: the data stays on the office computer.');
  });

  it('takes the retention periods from privacy.retention, read defensively', () => {
    expect(readRetention(undefined)).toEqual({ messageMonths: 24, repliesMonths: 24, auditYears: 5 });
    expect(readRetention('24')).toEqual({ messageMonths: 24, repliesMonths: 24, auditYears: 5 });
    expect(readRetention({ messageMonths: 12, auditYears: 'ten', other: true })).toEqual({ messageMonths: 12, repliesMonths: 24, auditYears: 5 });
    expect(readRetention({ messageMonths: -1, repliesMonths: 6, auditYears: 1.5 })).toEqual({ messageMonths: 24, repliesMonths: 6, auditYears: 5 });
    const record = prefilledRecord('it', { ...context('dental'), retention: { messageMonths: 1, repliesMonths: 1, auditYears: 1 } });
    expect(record.retention).toContain('Testi degli SMS inviati e delle risposte: 1 mese, poi cancellati automaticamente.');
    const apart = prefilledRecord('en', { ...context('dental'), retention: { messageMonths: 12, repliesMonths: 6, auditYears: 5 } });
    expect(apart.retention).toContain('- Texts of SMS sent: 12 months, then erased automatically.\n- Replies received: 6 months, then erased automatically.');
    expect(record.retention).toContain('Registro delle attività (audit log): 1 anno.');
    expect(prefilledRecord('en', context('dental')).retention).toContain('Texts of SMS sent and of replies: 24 months');
  });

  it('fills placeholders when the office has not set its name and phone', () => {
    const record = prefilledRecord('en', { ...context('dental'), settings: { officeName: ' ', officePhone: '', officeType: 'dental', timeZone: 'Europe/Rome' } });
    expect(record.controller.split('\n').slice(0, 2)).toEqual(['[office name]', 'Phone: [phone]']);
  });

  it("the office's own text overrides a field per language; the same text as pre-filled, or null, drops it", () => {
    const ctx = context('dental');
    const prefilled = prefilledRecord('it', ctx);
    let stored = readStoredRecord(undefined);
    const first = applyRecordEdits(stored, 'it', { dpo: 'Dott. Neri', purposes: `${prefilled.purposes}\r\n` }, prefilled);
    expect(first.changed).toEqual(['dpo']);
    expect(first.overrides).toEqual({ it: { dpo: 'Dott. Neri' }, en: {} });
    stored = readStoredRecord({ overrides: first.overrides, updatedAt: NOW });
    const record = buildRecord('it', ctx, stored, NOW);
    expect(record.fields.find((field) => field.key === 'dpo')).toMatchObject({ value: 'Dott. Neri', overridden: true, label: 'Responsabile della protezione dei dati (DPO)' });
    expect(record.fields.find((field) => field.key === 'controller')).toMatchObject({ overridden: false });
    expect(buildRecord('en', ctx, stored, NOW).fields.every((field) => !field.overridden)).toBe(true);
    expect(applyRecordEdits(stored, 'it', { dpo: 'Dott. Neri' }, prefilled).changed).toEqual([]);
    expect(applyRecordEdits(stored, 'it', { dpo: null }, prefilled)).toEqual({ overrides: { it: {}, en: {} }, changed: ['dpo'] });
    // What does not fit in the stored value is ignored.
    expect(readStoredRecord({ overrides: { it: { dpo: 3, bogus: 'x', security: 'ok' }, de: {} } })).toEqual({ overrides: { it: { security: 'ok' }, en: {} }, updatedAt: null });
  });

  it('exports as HTML with every text escaped', () => {
    const html = documentHtml({ language: 'it', title: 'Registro <1>', sections: [{ heading: 'A & B', text: '- <script>alert(1)</script>\n\nriga 1\nriga 2' }] });
    expect(html).toContain('<html lang="it">');
    expect(html).toContain('<h1>Registro &lt;1&gt;</h1>');
    expect(html).toContain('<h2>A &amp; B</h2>');
    expect(html).toContain('<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>');
    expect(html).toContain('<p>riga 1<br>\nriga 2</p>');
    expect(html).not.toContain('<script>');
  });
});

describe('record of processing through the API', () => {
  async function openCore(): Promise<Core> {
    const core = await createCore({ dataDir: join(await tempDir(), 'data'), log: silentLogger, systemTimeZone: 'Europe/Rome', clock: { now: () => NOW } });
    onTestFinished(() => core.dispose());
    return core;
  }

  it('follows the settings, keeps the edits, audits the fields changed (not the text), and exports', async () => {
    const core = await openCore();
    await ok(core, 'settings.update', { officeName: 'Studio Legale Verdi', officeType: 'legal', language: 'it' });
    const db = await SqliteConnection.open(databasePathIn(core.dataDir), 'readwrite-create');
    onTestFinished(() => db.close());
    await db.run("INSERT INTO settings (key, value, updated_at) VALUES ('privacy.retention', ?, 0)", [JSON.stringify({ messageMonths: 6, repliesMonths: 6, auditYears: 10 })]);

    const record = await ok(core, 'privacy.record.get', {});
    expect(record).toMatchObject({ language: 'it', title: 'Registro delle attività di trattamento', updatedAt: null });
    expect(record.subtitle).toBe('Art. 30 Regolamento (UE) 2016/679 — Studio Legale Verdi — 24 novembre 2026');
    expect(record.fields.map((field) => field.key)).toEqual(['controller', 'dpo', 'purposes', 'dataSubjects', 'dataCategories', 'recipients', 'transfers', 'retention', 'security']);
    expect(record.fields.find((field) => field.key === 'retention')?.value).toContain('6 mesi');
    expect(record.fields.find((field) => field.key === 'dataCategories')?.value).toContain('segreto professionale');

    const edited = await ok(core, 'privacy.record.update', { language: 'it', fields: { dpo: 'Avv. Bianca Neri, dpo@verdi.example' } });
    expect(edited.fields.find((field) => field.key === 'dpo')).toMatchObject({ value: 'Avv. Bianca Neri, dpo@verdi.example', overridden: true });
    expect(edited.updatedAt).toBe(NOW);
    // The rest still follows the settings.
    await ok(core, 'settings.update', { officeName: 'Studio Legale Verdi & Associati' });
    const after = await ok(core, 'privacy.record.get', { language: 'it' });
    expect(after.fields.find((field) => field.key === 'controller')?.value).toMatch(/^Studio Legale Verdi & Associati\n/);
    expect(after.fields.find((field) => field.key === 'dpo')?.value).toBe('Avv. Bianca Neri, dpo@verdi.example');
    // Nothing new to save: nothing written.
    await ok(core, 'privacy.record.update', { language: 'it', fields: { dpo: 'Avv. Bianca Neri, dpo@verdi.example' } });

    const audit = (await ok(core, 'audit.list', { action: 'privacy.record.update' })).items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'privacy_record', detail: '{"language":"it","fields":["dpo"]}' });
    expect(JSON.stringify(audit)).not.toContain('Bianca');

    const markdown = await ok(core, 'privacy.record.export', { language: 'it', format: 'markdown' });
    expect(markdown).toMatchObject({ fileName: 'registro-trattamenti-2026-11-24.md', mimeType: 'text/markdown' });
    expect(markdown.content).toContain('## Responsabile della protezione dei dati (DPO)\n\nAvv. Bianca Neri, dpo@verdi.example\n');
    const html = await ok(core, 'privacy.record.export', { language: 'en', format: 'html' });
    expect(html).toMatchObject({ fileName: 'record-of-processing-2026-11-24.html', mimeType: 'text/html' });
    expect(html.content).toContain('<h2>Controller</h2>');
    expect(html.content).toContain('Studio Legale Verdi &amp; Associati<br>');
  });

  it('refuses unknown fields', async () => {
    const core = await openCore();
    await expect(ok(core, 'privacy.record.update', { language: 'it', fields: { name: 'x' } as never })).rejects.toThrow(/VALIDATION/);
  });
});
