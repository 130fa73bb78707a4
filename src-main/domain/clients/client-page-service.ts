import type { Clock } from '../../app/clock';
import { CLIENT_PAGE_ITEMS, type ClientAppointment, type ClientDetail } from '../../contract/clients-schemas';
import { ApiError } from '../../contract/errors';
import type { Language } from '../../contract/schemas';
import type { ClientAppointmentRecord, ClientHistoryRepository } from '../../db/repositories/client-history-repository';
import type { ClientRecord, ClientsRepository } from '../../db/repositories/clients-repository';
import type { SettingsService } from '../settings-service';
import { toClientSummary } from './client-summary';
import { buildIcs } from './ics-calendar';
import { asciiFileName } from './file-name';

export interface TextFile {
  fileName: string;
  mimeType: string;
  content: string;
}

const ICS_WORDS: Record<Language, { appointment: string; with: string; file: string }> = {
  it: { appointment: 'Appuntamento', with: 'con', file: 'appuntamenti' },
  en: { appointment: 'Appointment', with: 'with', file: 'appointments' },
};

/** One client's page (details and history) and their appointments as an .ics file. */
export class ClientPageService {
  constructor(
    private readonly clients: ClientsRepository,
    private readonly history: ClientHistoryRepository,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    private readonly appVersion: string,
  ) {}

  async detail(id: number): Promise<ClientDetail> {
    const record = await this.mustGet(id);
    const now = this.clock.now();
    const [upcoming, past, counts, messages, consents] = await Promise.all([
      this.history.upcoming(id, now, CLIENT_PAGE_ITEMS),
      this.history.past(id, now, CLIENT_PAGE_ITEMS),
      this.history.counts(id, now),
      this.history.messages(id, CLIENT_PAGE_ITEMS),
      this.history.latestConsents(id),
    ]);
    return {
      client: {
        ...toClientSummary(record),
        notes: record.notes,
        createdAt: record.created_at,
        updatedAt: record.updated_at,
        archivedAt: record.archived_at,
      },
      upcoming: upcoming.map(forPage),
      past: past.map(forPage),
      pastTotal: counts.past,
      noShows: counts.noShows,
      messages,
      consents: consents.map((consent) => ({
        purpose: consent.purpose,
        granted: consent.granted === 1,
        method: consent.method,
        recordedAt: consent.recorded_at,
      })),
    };
  }

  /** The words are in the client's language: the file is meant for their phone or e-mail. */
  async ics(id: number): Promise<TextFile> {
    const record = await this.mustGet(id);
    const { officeName } = await this.settings.get();
    const words = ICS_WORDS[record.language];
    const fullName = `${record.first_name} ${record.last_name}`.trim();
    const events = (await this.history.all(id)).map((appointment) => ({
      uid: `appointment-${appointment.id}-${appointment.createdAt}@promemoria`,
      start: appointment.start,
      end: appointment.end,
      summary: [
        officeName,
        appointment.staffName ? `${words.appointment} ${words.with} ${appointment.staffName}` : words.appointment,
      ]
        .filter(Boolean)
        .join(': '),
      location: officeName || null,
      cancelled: appointment.status === 'cancelled',
    }));
    return {
      fileName: `${asciiFileName(`${words.file} ${record.last_name} ${record.first_name}`)}.ics`,
      mimeType: 'text/calendar',
      content: buildIcs({
        productId: `-//Promemoria//Promemoria ${this.appVersion}//${record.language.toUpperCase()}`,
        name: [officeName, fullName].filter(Boolean).join(' — '),
        now: this.clock.now(),
        events,
      }),
    };
  }

  private async mustGet(id: number): Promise<ClientRecord> {
    const record = await this.clients.get(id);
    if (!record) throw new ApiError('NOT_FOUND', `No client with id ${id}`);
    return record;
  }
}

function forPage({ id, start, end, status, staffName, roomName }: ClientAppointmentRecord): ClientAppointment {
  return { id, start, end, status, staffName, roomName };
}
