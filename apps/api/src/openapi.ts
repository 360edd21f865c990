import { RequestMethod, type INestApplication } from '@nestjs/common';
import { HEADERS_METADATA, HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { CSRF_HEADER, PUBLIC_KEY, SESSION_COOKIE } from '@harbour/access';
import { operations, requestModels, schemas } from './openapi.metadata';

/** One route as scripts/openapi-metadata.ts read it: its doc comment and the schema of its answer. */
export interface GeneratedOperation {
  summary?: string;
  schema: SchemaObject | ReferenceObject | null;
}

/** api.md's error answers, described once and referred to by each operation that may give them. */
const ERRORS: Record<number, string> = {
  400: 'The input is invalid; the message names the field',
  401: 'No valid session (sign in first)',
  403: 'Not allowed: missing permission, silenced member, or missing CSRF token on a cookie write',
  404: 'Not found, or not visible to the caller (the two are never told apart)',
  409: 'Conflicts with the current state (send the revision you edited from, a taken name, …)',
  422: 'Refused by a rule (a locked topic, a watched word, slow mode)',
  429: 'Too many requests; the Retry-After header says when to try again',
};
const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const REASONS: Record<string, string> = { '200': 'OK', '201': 'Created', '202': 'Accepted', '204': 'No Content' };

interface Route {
  public: boolean;
  status: number;
  contentType: string;
}

/**
 * The document served at GET /api/openapi.json: request schemas from the DTOs (the @nestjs/swagger plugin's
 * reading, generated into openapi.metadata.ts), and for every operation its answer's schema, its errors and
 * whether it needs a session, read from the same metadata the AccessGuard obeys.
 */
export async function buildOpenApiDocument(app: INestApplication): Promise<OpenAPIObject> {
  await SwaggerModule.loadPluginMetadata(requestModels);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Harbour API')
      .setVersion('1')
      .setDescription(
        `A session token goes in \`Authorization: Bearer\` or the ${SESSION_COOKIE} cookie; a write with the cookie also sends the harbour_csrf cookie's value as ${CSRF_HEADER}.`,
      )
      .addBearerAuth()
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  const components = (document.components ??= {});
  const componentSchemas = (components.schemas ??= {});
  for (const [name, schema] of Object.entries(schemas)) {
    if (componentSchemas[name]) throw new Error(`OpenAPI: a request DTO and a contract are both named ${name}`);
    componentSchemas[name] = schema;
  }
  components.responses = Object.fromEntries(
    Object.entries(ERRORS).map(([status, description]) => [
      status,
      { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorDto' } } } },
    ]),
  );
  const routes = routesOf(app);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (operation) describe(operation, method, path, routes);
    }
  }
  return document;
}

function describe(operation: OperationObject, method: string, path: string, routes: Map<string, Route>): void {
  const generated = operations[operation.operationId ?? ''];
  const route = routes.get(operation.operationId ?? '');
  if (!generated || !route) return; // openapi.e2e-spec.ts fails on an operation left undescribed
  if (generated.summary) operation.summary ??= generated.summary;
  // The route's own status (@HttpCode, else 201 for POST and 200 for the rest), and any other success an
  // @ApiResponse describes itself (register's 202 while approval is pending), which keeps its own schema.
  const successes = new Set([String(route.status), ...Object.keys(operation.responses).filter((status) => status.startsWith('2'))]);
  for (const status of successes) {
    const answer = operation.responses[status] as ResponseObject | undefined;
    if (answer?.content) continue;
    operation.responses[status] = {
      description: answer?.description || REASONS[status] || 'Success',
      ...(generated.schema && status !== '204' ? { content: { [route.contentType]: { schema: generated.schema } } } : {}),
    };
  }
  const errors = new Set<number>();
  if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody || WRITES.has(method)) errors.add(400); // a write's body may be malformed JSON
  if (!route.public) errors.add(401).add(403);
  if (WRITES.has(method)) errors.add(403).add(409).add(422).add(429);
  if (path.includes('{')) errors.add(404);
  for (const status of [...errors].sort()) operation.responses[String(status)] ??= { $ref: `#/components/responses/${status}` };
  // Public routes still know a signed-in caller (a member sees more): the session is optional there.
  operation.security = route.public ? [{}, { bearer: [] }, { cookie: [] }] : [{ bearer: [] }, { cookie: [] }];
}

/** Every controller method by Swagger's operationId (`Controller_method`), with what the guard will decide. */
function routesOf(app: INestApplication): Map<string, Route> {
  const reflector = app.get(Reflector);
  const routes = new Map<string, Route>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype;
      if (typeof controller !== 'function') continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const headers = (Reflect.getMetadata(HEADERS_METADATA, handler) ?? []) as { name: string; value: string }[];
        const contentType = headers.find((header) => header.name.toLowerCase() === 'content-type')?.value.split(';')[0];
        routes.set(`${controller.name}_${name}`, {
          public: reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, [handler, controller]) === true,
          status:
            (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
            (Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST ? 201 : 200),
          contentType: contentType ?? 'application/json',
        });
      }
    }
  }
  return routes;
}
