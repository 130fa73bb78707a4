import type { Clock } from '../../../app/clock';
import { ApiError } from '../../../contract/errors';
import type { ClientExportCounts } from '../../../contract/privacy-export-methods';
import type { Language, Settings } from '../../../contract/schemas';
import type { Database } from '../../../db/database';
import { appendAudit } from '../../../db/repositories/audit-log';
import {
  PrivacyExportRepository,
  type ClientRow,
  type ConsentRow,
  type IdRow,
  type MessageChildRow,
} from '../../../db/repositories/privacy-export-repository';
import { asciiFileName } from '../../clients/file-name';
import { buildIcs } from '../../clients/ics-calendar';
import { formatForDialingFrom } from '../../clients/phone-number';
import type { SettingsService } from '../../settings-service';
import { csvDocument, type CsvValue } from './csv-table';
import { readEvidenceFiles, type EvidenceFile } from './evidence-files';
import { clientReadme, README_FILES } from './export-readme';
import { ExportProgress, type ProgressSink } from './export-progress';
import { exportWords, officeDateTime, wordFor, type ExportWords } from './export-words';
import { isoInstant, jsonRow } from './row-shape';
import { buildVcard } from './vcard';
import { ZipWriter } from './zip-writer';

export const CLIENT_EXPORT_FORMAT = 'promemoria.client-export';
export const CLIENT_EXPORT_VERSION = 1;

export interface ExportDeps {
  db: Database;
  settings: SettingsService;
  clock: Clock;
  /** The office data folder: consent evidence paths are relative to it. */
  dataDir: string;
  appVersion: string;
  /** Who the audit log names. */
  actor: string;
}

export interface ExportedZip<C> {
  fileName: string;
  bytes: Uint8Array;
  counts: C;
}

/** Everything read about one client, in one transaction. */
interface ClientSnapshot {
  client: ClientRow;
  appointments: IdRow[];
  messages: IdRow[];
  events: MessageChildRow[];
  parts: MessageChildRow[];
  replies: IdRow[];
  consents: ConsentRow[];
  auditEntries: IdRow[];
}

const FILE_PREFIX: Record<Language, string> = { it: 'dati', en: 'data' };

/**
 * One person's data (GDPR Art. 15, access, and Art. 20, portability) as a ZIP:
 * data.json (everything, versioned), a CSV per kind for Excel in the person's
 * language, the appointments as .ics, the contact as .vcf, the consent evidence
 * files, and LEGGIMI.txt / README.txt saying what each file is.
 *
 * Everything is read in one transaction, so the files agree with each other; the
 * export is written to the audit log (client id and counts) once the ZIP is made.
 */
export class ClientExportService {
  constructor(private readonly deps: ExportDeps) {}

  async export(clientId: number, sink?: ProgressSink): Promise<ExportedZip<ClientExportCounts>> {
    const progress = new ExportProgress(sink);
    const settings = await this.deps.settings.get();
    const now = this.deps.clock.now();
    const snapshot = await this.deps.db.transaction((tx) => readSnapshot(new PrivacyExportRepository(tx), clientId));
    const rows =
      1 + snapshot.appointments.length + snapshot.messages.length + snapshot.replies.length + snapshot.consents.length + snapshot.auditEntries.length;
    const withEvidence = snapshot.consents.filter((consent) => consent.evidence_path !== null).length;
    progress.start(rows + withEvidence + 1);
    progress.advance(rows);

    const evidence = await readEvidenceFiles(this.deps.dataDir, snapshot.consents);
    progress.advance(withEvidence);
    const counts: ClientExportCounts = {
      appointments: snapshot.appointments.length,
      messages: snapshot.messages.length,
      replies: snapshot.replies.length,
      consents: snapshot.consents.length,
      auditEntries: snapshot.auditEntries.length,
      evidenceFiles: evidence.files.length,
      evidenceMissing: evidence.missing.length,
    };
    const bytes = this.zip(snapshot, settings, now, evidence.files, evidence.missing, counts);

    const { client } = snapshot;
    await this.deps.db.transaction((tx) =>
      appendAudit(tx, this.deps.clock.now(), {
        actor: this.deps.actor,
        action: 'privacy.export.client',
        entity: 'client',
        entityId: client.id,
        detail: JSON.stringify(counts),
      }),
    );
    progress.finish();
    const officeLanguage = settings.language ?? 'it';
    return {
      fileName: `${asciiFileName(`${FILE_PREFIX[officeLanguage]} ${client.last_name} ${client.first_name}`)}-${officeDate(now, settings.timeZone)}.zip`,
      bytes,
      counts,
    };
  }

  private zip(
    snapshot: ClientSnapshot,
    settings: Settings,
    now: number,
    evidenceFiles: readonly EvidenceFile[],
    evidenceMissing: readonly number[],
    counts: ClientExportCounts,
  ): Uint8Array {
    const { client } = snapshot;
    const words = exportWords(client.language, settings.officeType);
    const tz = settings.timeZone;
    const evidenceByConsent = new Map(evidenceFiles.map((file) => [file.consentId, file.zipPath]));
    const zip = new ZipWriter(now);
    const personName = [client.first_name, client.last_name].filter((part) => part.trim() !== '').join(' ');
    for (const language of ['it', 'en'] as const) {
      zip.addText(
        README_FILES[language],
        clientReadme(language, {
          personName,
          officeName: settings.officeName,
          exportedAt: officeDateTime(now, tz),
          timeZone: tz,
          counts,
          evidenceFiles: evidenceFiles.map((file) => file.zipPath),
          evidenceMissing,
        }),
      );
    }
    zip.addText('data.json', `${JSON.stringify(this.document(snapshot, settings, now, evidenceByConsent, evidenceMissing), null, 2)}\n`);
    zip.addText('appointments.csv', appointmentsCsv(snapshot.appointments, words, tz));
    zip.addText('messages.csv', messagesCsv(snapshot.messages, words, tz, settings.defaultRegion));
    zip.addText('replies.csv', repliesCsv(snapshot.replies, words, tz, settings.defaultRegion));
    zip.addText('consents.csv', consentsCsv(snapshot.consents, words, tz, evidenceByConsent));
    zip.addText('appointments.ics', this.ics(snapshot, settings, words, now));
    zip.addText('contact.vcf', this.vcard(client));
    for (const file of evidenceFiles) zip.addBytes(file.zipPath, file.bytes);
    return zip.finish();
  }

  /** data.json: the versioned document of everything held about the client. */
  private document(
    snapshot: ClientSnapshot,
    settings: Settings,
    now: number,
    evidenceByConsent: ReadonlyMap<number, string>,
    evidenceMissing: readonly number[],
  ): Record<string, unknown> {
    const eventsOf = groupByMessage(snapshot.events);
    const partsOf = groupByMessage(snapshot.parts);
    return {
      format: CLIENT_EXPORT_FORMAT,
      version: CLIENT_EXPORT_VERSION,
      exportedAt: isoInstant(now),
      app: { name: 'Promemoria', version: this.deps.appVersion },
      office: { name: settings.officeName, phone: settings.officePhone, timeZone: settings.timeZone },
      client: jsonRow('clients', snapshot.client),
      appointments: snapshot.appointments.map((row) => jsonRow('appointments', row)),
      messages: snapshot.messages.map((row) => ({
        ...jsonRow('messages', row),
        parts: (partsOf.get(row.id) ?? []).map((part) => jsonRow('message_parts', part)),
        events: (eventsOf.get(row.id) ?? []).map((event) => jsonRow('message_events', event)),
      })),
      replies: snapshot.replies.map((row) => jsonRow('inbound_messages', row)),
      consents: snapshot.consents.map((row) => ({ ...jsonRow('consents', row), evidenceFile: evidenceByConsent.get(row.id) ?? null })),
      auditEntries: snapshot.auditEntries.map((row) => jsonRow('audit_log', row)),
      evidenceMissing,
    };
  }

  /** Same UIDs and wording as the client page's .ics, so importing both updates rather than duplicates. */
  private ics(snapshot: ClientSnapshot, settings: Settings, words: ExportWords, now: number): string {
    const { client } = snapshot;
    const fullName = `${client.first_name} ${client.last_name}`.trim();
    return buildIcs({
      productId: `-//Promemoria//Promemoria ${this.deps.appVersion}//${client.language.toUpperCase()}`,
      name: [settings.officeName, fullName].filter(Boolean).join(' — '),
      now,
      events: snapshot.appointments.map((appointment) => {
        const staffName = typeof appointment.staff_name === 'string' ? appointment.staff_name : null;
        return {
          uid: `appointment-${appointment.id}-${String(appointment.created_at)}@promemoria`,
          start: Number(appointment.start_at),
          end: Number(appointment.end_at),
          summary: [settings.officeName, staffName ? `${words.appointment} ${words.with} ${staffName}` : words.appointment]
            .filter(Boolean)
            .join(': '),
          location: settings.officeName || null,
          cancelled: appointment.status === 'cancelled',
        };
      }),
    });
  }

  private vcard(client: ClientRow): string {
    return buildVcard({
      uid: `client-${client.id}-${client.created_at}@promemoria`,
      firstName: client.first_name,
      lastName: client.last_name,
      mobile: client.mobile,
      email: client.email,
      updatedAt: client.updated_at,
      productId: `-//Promemoria//Promemoria ${this.deps.appVersion}//${client.language.toUpperCase()}`,
    });
  }
}

async function readSnapshot(repository: PrivacyExportRepository, clientId: number): Promise<ClientSnapshot> {
  const client = await repository.client(clientId);
  if (!client) throw new ApiError('NOT_FOUND', `No client with id ${clientId}`);
  const { mobile } = client;
  return {
    client,
    appointments: await repository.clientAppointments(clientId),
    messages: await repository.clientMessages(clientId, mobile),
    events: await repository.clientMessageEvents(clientId, mobile),
    parts: await repository.clientMessageParts(clientId, mobile),
    replies: await repository.clientReplies(clientId, mobile),
    consents: await repository.clientConsents(clientId),
    auditEntries: await repository.clientAuditEntries(clientId, mobile),
  };
}

function groupByMessage(rows: readonly MessageChildRow[]): Map<number, MessageChildRow[]> {
  const groups = new Map<number, MessageChildRow[]>();
  for (const row of rows) {
    const group = groups.get(row.message_id);
    if (group) group.push(row);
    else groups.set(row.message_id, [row]);
  }
  return groups;
}

function appointmentsCsv(rows: readonly IdRow[], words: ExportWords, tz: string): string {
  return csvDocument(
    words.appointmentHeaders,
    rows.map((row): CsvValue[] => [
      row.id,
      officeDateTime(row.start_at, tz),
      officeDateTime(row.end_at, tz),
      wordFor(words.status, row.status),
      row.staff_name,
      row.room_name,
      row.notes,
      row.series_id,
      officeDateTime(row.created_at, tz),
      officeDateTime(row.updated_at, tz),
    ]),
  );
}

function messagesCsv(rows: readonly IdRow[], words: ExportWords, tz: string, region: string): string {
  return csvDocument(
    words.messageHeaders,
    rows.map((row): CsvValue[] => [
      row.id,
      row.appointment_id,
      wordFor(words.messageKind, row.kind),
      phone(row.to_phone, region),
      row.body,
      wordFor(words.messageState, row.state),
      row.attempts,
      officeDateTime(row.due_at, tz),
      officeDateTime(row.submitted_at, tz),
      officeDateTime(row.delivered_at, tz),
      row.error,
      officeDateTime(row.created_at, tz),
    ]),
  );
}

function repliesCsv(rows: readonly IdRow[], words: ExportWords, tz: string, region: string): string {
  return csvDocument(
    words.replyHeaders,
    rows.map((row): CsvValue[] => [
      row.id,
      officeDateTime(row.received_at, tz),
      phone(row.from_phone, region),
      row.body,
      wordFor(words.replyMeaning, row.interpretation),
      row.appointment_id,
      officeDateTime(row.handled_at, tz),
    ]),
  );
}

function consentsCsv(rows: readonly ConsentRow[], words: ExportWords, tz: string, evidence: ReadonlyMap<number, string>): string {
  return csvDocument(
    words.consentHeaders,
    rows.map((row): CsvValue[] => [
      row.id,
      wordFor(words.purpose, row.purpose),
      row.granted === 1 ? words.granted : words.withdrawn,
      wordFor(words.method, row.method),
      row.recorded_by,
      row.notice_version,
      officeDateTime(row.recorded_at, tz),
      evidence.get(row.id) ?? '',
    ]),
  );
}

/** As dialled from the office's country ("333 123 4567"): a leading "+" would be an Excel formula. */
function phone(value: unknown, region: string): string {
  return typeof value === 'string' ? formatForDialingFrom(value, region) : '';
}

/** The office's calendar day, "2026-11-24", for file names. */
export function officeDate(instant: number, timeZone: string): string {
  return officeDateTime(instant, timeZone).slice(0, 10);
}
