/** Public model ids are `<provider>/<upstream model id>`; the upstream id may itself contain `/`. */

/** The built-in demo model that answers in-process when no upstream provider is configured. */
export const ECHO_MODEL_ID = 'apilink/echo';
