/** The Swagger UI page and its start-up script, pointed at the staff API's document. */
import { ADMIN_ROUTES } from '@apilink/contracts';

export const SWAGGER_ASSETS_PATH = `${ADMIN_ROUTES.docs}/assets`;

export function swaggerUiHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>ApiLink staff API</title>
  <link rel="stylesheet" href="${SWAGGER_ASSETS_PATH}/swagger-ui.css">
  <link rel="icon" type="image/png" href="${SWAGGER_ASSETS_PATH}/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${SWAGGER_ASSETS_PATH}/swagger-ui-bundle.js"></script>
  <script src="${SWAGGER_ASSETS_PATH}/swagger-ui-standalone-preset.js"></script>
  <script src="${SWAGGER_ASSETS_PATH}/init.js"></script>
</body>
</html>
`;
}

export function swaggerUiInitScript(): string {
  // "Try it out" sends the CSRF header the API requires on state-changing calls.
  return `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(ADMIN_ROUTES.openApiJson)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    withCredentials: true,
    requestInterceptor: function (request) { request.headers['x-apilink-csrf'] = '1'; return request; },
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout'
  });
};
`;
}
