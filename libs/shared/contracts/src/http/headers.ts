export const REQUEST_ID_HEADER = 'x-request-id';
/** Client parameters the upstream could not honour and the gateway left out (comma-separated). */
export const DROPPED_PARAMS_HEADER = 'x-apilink-dropped-params';
