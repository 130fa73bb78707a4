import type { Migration } from './migration';

/**
 * Client search that stays fast at 100,000 clients (DESIGN.md section 6: p95 ≤ 10 ms).
 *
 * `clients_search` is an FTS5 index kept by triggers, so every writer (the API,
 * an import, the privacy module, plain SQL) keeps it current without knowing it:
 * - name: first and last name, folded for case and accents ("nicolo" finds Nicolò),
 *   split into words ("de luc" finds De Luca), searched by word beginnings;
 * - phone: every suffix of the mobile's digits, so a prefix query finds digits
 *   anywhere in the number ("5556" finds +39 333 555 6666);
 * - state: "archived" for archived clients, so counting the active matches never
 *   has to read the clients table.
 * It is contentless: it holds no copy of the names, only the index, and erased
 * clients are taken out of it. Prefix indexes of 1–3 characters keep the first
 * keystrokes (and three-digit prefixes such as "333") from scanning many terms.
 *
 * The partial indexes hold active clients only, in each order the list offers:
 * the list walks one and stops after a page, and counts from it without the table.
 * Archived clients, a few, get one of their own for the archive's list.
 */
const ACTIVE = 'archived_at IS NULL AND erased_at IS NULL';
const MAX_E164_DIGITS = 15;

/** The mobile's digits and each of their suffixes, space separated; NULL without a mobile. */
function phoneSuffixes(row: string): string {
  const digits = `substr(${row}.mobile, 2)`;
  return Array.from({ length: MAX_E164_DIGITS }, (_, i) => `substr(${digits}, ${i + 1})`).join(` || ' ' || `);
}

function indexedValues(row: string): string {
  return `${row}.id, ${row}.first_name || ' ' || ${row}.last_name, ${phoneSuffixes(row)},
    CASE WHEN ${row}.archived_at IS NULL THEN '' ELSE 'archived' END`;
}

const statements = [
  `CREATE VIRTUAL TABLE clients_search USING fts5(
    name, phone, state,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
  )`,
  `INSERT INTO clients_search (rowid, name, phone, state)
    SELECT ${indexedValues('clients')} FROM clients WHERE erased_at IS NULL`,
  `CREATE TRIGGER clients_search_after_insert AFTER INSERT ON clients WHEN new.erased_at IS NULL
    BEGIN
      INSERT INTO clients_search (rowid, name, phone, state) VALUES (${indexedValues('new')});
    END`,
  `CREATE TRIGGER clients_search_after_update
    AFTER UPDATE OF id, first_name, last_name, mobile, archived_at, erased_at ON clients
    BEGIN
      DELETE FROM clients_search WHERE rowid = old.id;
      INSERT INTO clients_search (rowid, name, phone, state) SELECT ${indexedValues('new')} WHERE new.erased_at IS NULL;
    END`,
  `CREATE TRIGGER clients_search_after_delete AFTER DELETE ON clients
    BEGIN
      DELETE FROM clients_search WHERE rowid = old.id;
    END`,

  `CREATE INDEX clients_active_by_last_name ON clients (last_name COLLATE NOCASE, first_name COLLATE NOCASE) WHERE ${ACTIVE}`,
  `CREATE INDEX clients_active_by_first_name ON clients (first_name COLLATE NOCASE, last_name COLLATE NOCASE) WHERE ${ACTIVE}`,
  `CREATE INDEX clients_active_by_created ON clients (created_at) WHERE ${ACTIVE}`,
  `CREATE INDEX clients_archived_by_last_name ON clients (last_name COLLATE NOCASE, first_name COLLATE NOCASE)
    WHERE archived_at IS NOT NULL AND erased_at IS NULL`,
];

export const clientSearch: Migration = {
  version: 2,
  name: 'client search index',
  async up(tx) {
    for (const sql of statements) await tx.run(sql);
  },
};
