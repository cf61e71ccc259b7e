/** `/staff/models/openai/gpt-4o-mini`: the id's slashes stay readable, each part is encoded. */
export const catalogModelPath = (modelId: string) => `/staff/models/${modelId.split('/').map(encodeURIComponent).join('/')}`;
