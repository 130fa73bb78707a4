import { WEB_TOKEN_PARAM } from '../../src-main/contract/channels';

const STORAGE_KEY = 'promemoria.webToken';

/**
 * The web bridge's session token. It arrives once in the address printed by
 * `npm run web`; it is moved to sessionStorage so a reload still works, and taken
 * out of the address bar so it does not end up in bookmarks or screenshots.
 */
export function takeWebSessionToken(): string | undefined {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(WEB_TOKEN_PARAM);
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete(WEB_TOKEN_PARAM);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
}
