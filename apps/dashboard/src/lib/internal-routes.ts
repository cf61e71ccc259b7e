/** Internal API routes the contracts lib does not (yet) name. */
export const MODELS_PATH = '/api/models';
