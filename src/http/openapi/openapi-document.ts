import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** Where the document is served: Swagger UI at the first, its JSON at the second. */
export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

/**
 * The OpenAPI document of the application's routes, from the Nest decorators. The paths carry
 * the global prefix (`/api/v1/...`, `/health` outside it), so the one server is the origin the
 * document is read from.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Khuyến công workflow API')
    .setDescription(
      'Support projects of the provincial industrial promotion programme, from registration to settlement, ' +
        'on an event log auditors can replay and verify. Errors are application/problem+json (RFC 9457).',
    )
    .setVersion('1')
    .addServer('/', 'The server this document is served by')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        'A JWT from the identity provider (or, in development, `npm run token`) with the caller’s roles and unit',
    })
    .build();
  // The package's own licence (package.json): not open source. Named without a URL, which
  // DocumentBuilder.setLicense would require.
  config.info.license = { name: 'UNLICENSED' };
  return SwaggerModule.createDocument(app, config);
}

/** Serves the document (JSON) and Swagger UI. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup(OPENAPI_UI_PATH, app, openApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    useGlobalPrefix: false,
  });
}
