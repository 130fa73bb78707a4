/**
 * Transport names shared by the bridges and their clients. Kept free of zod so
 * the sandboxed preload can bundle it without pulling the schemas in.
 */
export const IPC_CALL_CHANNEL = 'promemoria:call';
export const IPC_EVENT_CHANNEL = 'promemoria:event';

/** Web bridge: `POST ${WEB_API_PREFIX}<method>`; events on a WebSocket at WEB_EVENTS_PATH. */
export const WEB_API_PREFIX = '/api/';
export const WEB_EVENTS_PATH = '/api/events';
/** The query parameter that carries the session token on the first page load and on the WebSocket. */
export const WEB_TOKEN_PARAM = 'token';
