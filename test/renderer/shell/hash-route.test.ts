import { describe, expect, it } from 'vitest';
import { clientHref, clientIdFromHash, sectionFromHash } from '../../../src-renderer/shell/hash-route';

describe('hash routes', () => {
  it('a section, also with a client after it; anything else opens the calendar', () => {
    expect(sectionFromHash('#/clients')).toBe('clients');
    expect(sectionFromHash('#/clients/42')).toBe('clients');
    expect(sectionFromHash('#privacy')).toBe('privacy');
    expect(sectionFromHash('#/nowhere/1')).toBe('calendar');
    expect(sectionFromHash('')).toBe('calendar');
  });

  it('a client page link and its reading', () => {
    expect(clientHref(42)).toBe('#/clients/42');
    expect(clientIdFromHash(clientHref(42))).toBe(42);
    expect(clientIdFromHash('#clients/7')).toBe(7);
    for (const hash of ['#/clients', '#/clients/', '#/clients/0', '#/clients/x', '#/messages/4', '#/clients/4/5']) {
      expect(clientIdFromHash(hash)).toBeUndefined();
    }
  });
});
