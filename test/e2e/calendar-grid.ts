import type { Locator, Page } from 'playwright-core';
import type { MethodInput, MethodName, MethodOutput } from '../../src-main/contract/methods';

/** The grid's geometry as CalendarGrid sets it: 15-minute slots, 18 px each. */
const SLOT_MINUTES = 15;
const SLOT_HEIGHT = 18;

/** Calls the running app's API the way the UI does: over HTTP with the session token. */
export async function callApi<M extends MethodName>(url: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const address = new URL(url);
  const token = address.searchParams.get('token') ?? '';
  const response = await fetch(`${address.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as unknown;
  if (!response.ok) throw new Error(`${method} failed: ${JSON.stringify(body)}`);
  return body as MethodOutput<M>;
}

/** The first hour the time grid shows, read from its first time label ("08:00"). */
async function firstMinute(page: Page): Promise<number> {
  const datetime = (await page.locator('.ec-body .ec-sidebar time').first().getAttribute('datetime')) ?? '';
  const match = /T(\d{2}):(\d{2})/.exec(datetime);
  if (!match) throw new Error(`no time label in the grid (${datetime})`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Where on screen a time ("10:30") is in the day view's column titled `column`, a few pixels into its slot. */
export async function slotPoint(page: Page, column: string, time: string): Promise<{ x: number; y: number }> {
  const headers = page.locator('.ec-header .ec-col-head');
  const titles = await headers.allTextContents();
  const index = titles.findIndex((title) => title.trim() === column);
  if (index < 0) throw new Error(`no column "${column}" among ${titles.join(', ')}`);
  const head = await headers.nth(index).boundingBox();
  const day = await page.locator('.ec-body .ec-day').nth(index).boundingBox();
  if (!head || !day) throw new Error('the grid is not on screen');
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const offset = ((hours * 60 + minutes - (await firstMinute(page))) / SLOT_MINUTES) * SLOT_HEIGHT;
  return { x: head.x + head.width / 2, y: day.y + offset + 4 };
}

/** Presses the mouse at `from`, moves in small steps to `to` and releases: what a person's drag looks like to the calendar. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / 3, from.y + (to.y - from.y) / 3, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

/** The appointment in the grid showing `text` (the client's name). */
export function eventWith(page: Page, text: string): Locator {
  return page.locator('.ec-event.pm-event', { hasText: text });
}

/**
 * Where an element is on screen. The calendar redraws an appointment when fresh data
 * arrives after a change, so the element found may be replaced a moment later: ask again.
 */
export async function boxOf(element: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const box = await element.boundingBox();
    if (box) return box;
    await element.page().waitForTimeout(50);
  }
  throw new Error('the element is not on screen');
}

/**
 * A point near the top left of an event, where a press starts a move rather than a
 * resize, and where an appointment laid out beside it does not cover it.
 */
export async function grabPoint(event: Locator): Promise<{ x: number; y: number }> {
  const box = await boxOf(event);
  return { x: box.x + Math.min(20, box.width / 2), y: box.y + 6 };
}
