import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore, type Core } from '../../../src-main/app/create-core';
import { databasePathIn } from '../../../src-main/app/data-dir';
import { silentLogger } from '../../../src-main/app/logger';
import { documentBlocks } from '../../../src-main/contract/privacy-documents-methods';
import { SqliteConnection } from '../../../src-main/db/sqlite-connection';
import { nextNoticeVersion, noticeTemplate, readNoticeHistory, readStoredNotice, sameNoticeText } from '../../../src-main/domain/privacy/privacy-notice';
import { apiCall as ok } from '../../support/api-call';
import { tempDir } from '../../support/temp-dir';

/** 24 November 2026, 23:30 UTC: already the 25th in Rome. */
const LATE = Date.UTC(2026, 10, 24, 23, 30);

const settings = { officeName: 'Studio Dentistico Sorriso', officePhone: '+390612345678', officeType: 'dental', defaultRegion: 'IT' } as const;
const retention = { messageMonths: 24, repliesMonths: 24, auditYears: 5 };

describe('privacy notice template', () => {
  it('fills in the office in Italian and English, with health wording for a dental office', () => {
    const { it: italian, en } = noticeTemplate({ settings, retention });
    expect(italian.split('\n')[0]).toBe('# Informativa sul trattamento dei dati personali');
    expect(italian).toContain('Studio Dentistico Sorriso, telefono +39 06 1234 5678.');
    expect(italian).toContain('i dati relativi alla salute strettamente necessari alle cure');
    expect(italian).toContain('mai informazioni sulla Sua salute o sulle cure.');
    expect(italian).toContain('- testi degli SMS e delle risposte: 24 mesi;');
    expect(italian).toContain('Garante per la protezione dei dati personali (www.garanteprivacy.it)');
    expect(en.split('\n')[0]).toBe('# Privacy notice');
    expect(en).toContain('Studio Dentistico Sorriso, phone +39 06 1234 5678, is the controller of your personal data.');
    expect(en).toContain('never anything about your health or treatment.');
    expect(en).toContain('- audit log: 5 years.');
  });

  it('a law firm speaks of the mandate and professional secrecy, not health', () => {
    const { it: italian, en } = noticeTemplate({ settings: { ...settings, officeType: 'legal', defaultRegion: 'CH' }, retention: { messageMonths: 1, repliesMonths: 3, auditYears: 1 } });
    expect(italian).not.toContain('salute');
    expect(italian).toContain('coperte dal segreto professionale');
    expect(italian).toContain('- testi degli SMS: 1 mese;\n- risposte: 3 mesi;');
    expect(italian).toContain("all'autorità di controllo per la protezione dei dati del Suo paese");
    expect(en).not.toMatch(/health/);
    expect(en).toContain('never details of your case.');
  });

  it('reads as headings, paragraphs and lists', () => {
    const blocks = documentBlocks(noticeTemplate({ settings, retention }).en);
    expect(blocks[0]).toEqual({ kind: 'title', text: 'Privacy notice' });
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => (block.kind === 'heading' ? block.text : ''))).toEqual([
      'Who is responsible for your data',
      'What data we process',
      'Why we process it, and on what basis',
      'Whether you must give us your data',
      'Who receives your data',
      'How long we keep it',
      'Your rights',
    ]);
    expect(documentBlocks('a\nb\n\n- x\n  y\n* z\n\nc')).toEqual([
      { kind: 'paragraph', lines: ['a', 'b'] },
      { kind: 'list', items: ['x y', 'z'] },
      { kind: 'paragraph', lines: ['c'] },
    ]);
  });
});

describe('privacy notice versions', () => {
  it('a new version a day, then .2, .3 the same day', () => {
    expect(nextNoticeVersion('2026-11-24', [])).toBe('2026-11-24');
    expect(nextNoticeVersion('2026-11-24', ['template-1', '2026-11-24'])).toBe('2026-11-24.2');
    expect(nextNoticeVersion('2026-11-24', ['2026-11-24', '2026-11-24.2'])).toBe('2026-11-24.3');
  });

  it('line ends and trailing blanks are not a change', () => {
    expect(sameNoticeText('a \r\nb\n\n', 'a\nb')).toBe(true);
    expect(sameNoticeText('a\nb', 'a\nb.')).toBe(false);
  });

  it('stored values that do not fit are ignored', () => {
    expect(readStoredNotice({ version: '', it: 'x', en: 'y' })).toBeUndefined();
    expect(readStoredNotice({ version: 'v1', it: 'x' })).toBeUndefined();
    expect(readStoredNotice({ version: 'v1', it: 'x', en: 'y' })).toEqual({ version: 'v1', it: 'x', en: 'y', updatedAt: 0 });
    expect(readNoticeHistory([{ version: 'v1', it: 'x', en: 'y', updatedAt: 5 }, 'junk'])).toEqual([{ version: 'v1', it: 'x', en: 'y', updatedAt: 5 }]);
    expect(readNoticeHistory({})).toEqual([]);
  });
});

describe('privacy notice through the API', () => {
  async function openCore(): Promise<{ core: Core; clock: { now: number } }> {
    const clock = { now: LATE };
    const core = await createCore({ dataDir: join(await tempDir(), 'data'), log: silentLogger, systemTimeZone: 'Europe/Rome', clock: { now: () => clock.now } });
    onTestFinished(() => core.dispose());
    return { core, clock };
  }

  async function settingsRow(core: Core, key: string): Promise<unknown> {
    const db = await SqliteConnection.open(databasePathIn(core.dataDir), 'readonly');
    try {
      const row = await db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
      return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
    } finally {
      await db.close();
    }
  }

  it('is the template until saved; a changed text bumps the version (the office day), an identical one does not', async () => {
    const { core, clock } = await openCore();
    await ok(core, 'settings.update', { officeName: 'Studio Dentistico Sorriso', officePhone: '+390612345678' });

    const template = await ok(core, 'privacy.notice.get', {});
    expect(template).toMatchObject({ version: 'template-1', isDefault: true, updatedAt: null, previousVersions: [] });
    expect(template.it).toBe(template.template.it);
    expect(template.it).toContain('Studio Dentistico Sorriso, telefono +39 06 1234 5678.');
    expect(await settingsRow(core, 'privacy.noticeVersion')).toBeUndefined();

    // Adopting the template as it is gives it a version of its own: the day in Rome, not in UTC.
    const adopted = await ok(core, 'privacy.notice.save', { it: template.it, en: template.en });
    expect(adopted).toMatchObject({ version: '2026-11-25', isDefault: false, changed: true, updatedAt: LATE, previousVersions: [] });
    expect(await settingsRow(core, 'privacy.noticeVersion')).toBe('2026-11-25');
    expect(await settingsRow(core, 'privacy.notice')).toEqual({ version: '2026-11-25', it: template.it, en: template.en, updatedAt: LATE });

    // The same text again (different line ends and trailing blanks): nothing written, nothing audited.
    clock.now = LATE + 60_000;
    const same = await ok(core, 'privacy.notice.save', { it: template.it.replace(/\n/g, '\r\n'), en: `${template.en}   \n\n` });
    expect(same).toMatchObject({ version: '2026-11-25', changed: false, updatedAt: LATE });

    // A change the same day: .2, and the first version is kept, readable and exportable.
    const changed = await ok(core, 'privacy.notice.save', { it: `${template.it}\n## Videosorveglianza\n\nNessuna telecamera.`, en: template.en });
    expect(changed).toMatchObject({ version: '2026-11-25.2', changed: true, previousVersions: [{ version: '2026-11-25', updatedAt: LATE }] });
    expect(await settingsRow(core, 'privacy.noticeVersion')).toBe('2026-11-25.2');
    expect((await ok(core, 'privacy.notice.get', { version: '2026-11-25' })).it).toBe(template.it);
    await expect(ok(core, 'privacy.notice.get', { version: 'v9' })).rejects.toThrow(/NOT_FOUND/);

    // The next day: that day's date.
    clock.now = LATE + 24 * 3600_000;
    expect((await ok(core, 'privacy.notice.save', { it: 'Testo breve.', en: 'Short text.' })).version).toBe('2026-11-26');

    const audit = (await ok(core, 'audit.list', { action: 'privacy.notice.update' })).items.reverse();
    expect(audit.map((entry) => [entry.entity, JSON.parse(entry.detail ?? '{}') as unknown])).toEqual([
      ['privacy_notice', { version: '2026-11-25', previous: 'template-1' }],
      ['privacy_notice', { version: '2026-11-25.2', previous: '2026-11-25' }],
      ['privacy_notice', { version: '2026-11-26', previous: '2026-11-25.2' }],
    ]);
    expect(JSON.stringify(audit)).not.toContain('Videosorveglianza');
    expect((await ok(core, 'audit.list', { action: 'settings.update' })).total).toBe(1);
  });

  it('exports one language as Markdown or HTML, the current version or an earlier one', async () => {
    const { core } = await openCore();
    await ok(core, 'settings.update', { officeName: 'Studio Rossi' });
    await ok(core, 'privacy.notice.save', { it: '# Informativa\n\nPrima versione.', en: '# Notice\n\nFirst version.' });
    await ok(core, 'privacy.notice.save', { it: '# Informativa\n\nSeconda <versione>.', en: '# Notice\n\nSecond version.' });

    const md = await ok(core, 'privacy.notice.export', { language: 'it', format: 'markdown' });
    expect(md).toEqual({
      fileName: 'informativa-privacy-2026-11-25.2.md',
      mimeType: 'text/markdown',
      content: '# Informativa\n\n_Versione 2026-11-25.2 — 25 novembre 2026 — Studio Rossi_\n\nSeconda <versione>.\n',
    });
    const html = await ok(core, 'privacy.notice.export', { language: 'en', format: 'html', version: '2026-11-25' });
    expect(html.fileName).toBe('privacy-notice-2026-11-25.html');
    expect(html.content).toContain('<h1>Notice</h1>');
    expect(html.content).toContain('<p class="subtitle">Version 2026-11-25 — 25 November 2026 — Studio Rossi</p>');
    expect(html.content).toContain('<p>First version.</p>');
    const escaped = await ok(core, 'privacy.notice.export', { language: 'it', format: 'html' });
    expect(escaped.content).toContain('<p>Seconda &lt;versione&gt;.</p>');
  });

  it('refuses an empty text', async () => {
    const { core } = await openCore();
    await expect(ok(core, 'privacy.notice.save', { it: '   ', en: 'x' })).rejects.toThrow(/VALIDATION/);
  });
});
