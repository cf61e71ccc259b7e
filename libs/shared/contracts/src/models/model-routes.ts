/** Internal REST routes of the model catalog (session cookie); the OpenAI-shaped list is `/v1/models`. */
export const MODEL_ROUTES = {
  /** CatalogModelList: the models customers can call, with prices */
  catalog: '/api/models',
} as const;
