import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Json } from '../../support/http';

/**
 * The OpenAPI document read as a test reads it: its operations, and a validator for any
 * response schema it holds. OpenAPI 3.0 schemas become JSON Schema (`nullable` becomes a null
 * type) and every object schema listing its properties is closed: an answer carrying a field
 * the document does not describe fails, as does one missing a required field.
 */

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

export interface Operation {
  readonly method: Method;
  /** As the document writes it: `/api/v1/projects/{id}`. */
  readonly path: string;
  /** `GET /api/v1/projects/{id}`: how failures name it. */
  readonly name: string;
  readonly spec: Json;
}

export function operationsOf(document: Json): Operation[] {
  return Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      method,
      path,
      name: `${method.toUpperCase()} ${path}`,
      spec: item[method],
    })),
  );
}

/** The operation a request path falls under: the template that matches it, the most literal first. */
export function operationFor(
  operations: readonly Operation[],
  method: string,
  path: string,
): Operation | undefined {
  const matching = operations.filter(
    (operation) =>
      operation.method === method.toLowerCase() && templatePattern(operation.path).test(path),
  );
  const literalSegments = (operation: Operation) =>
    operation.path.split('/').filter((segment) => !segment.startsWith('{')).length;
  return matching.sort((a, b) => literalSegments(b) - literalSegments(a))[0];
}

function templatePattern(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}$`);
}

const BASE = 'openapi';

/** OpenAPI 3.0 schema → JSON Schema, closed where it lists properties; `$ref`s into BASE. */
function toJsonSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const { nullable, example: _example, ...rest } = schema as Record<string, Json>;
  const converted: Record<string, Json> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === '$ref' && typeof value === 'string') converted.$ref = `${BASE}${value}`;
    else if (key === 'properties')
      converted.properties = Object.fromEntries(
        Object.entries(value as Record<string, Json>).map(([name, property]) => [
          name,
          toJsonSchema(property),
        ]),
      );
    else converted[key] = toJsonSchema(value);
  }
  if (converted.properties !== undefined && converted.additionalProperties === undefined)
    converted.additionalProperties = false;
  if (nullable !== true) return converted;
  if (typeof converted.type === 'string' && converted.allOf === undefined) {
    const withNull: Record<string, Json> = { ...converted, type: [converted.type, 'null'] };
    if (Array.isArray(converted.enum)) withNull.enum = [...converted.enum, null];
    return withNull;
  }
  const { type: _type, ...shape } = converted;
  return { anyOf: [shape, { type: 'null' }] };
}

export class SchemaValidators {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: Json) {
    addFormats(this.ajv);
    this.ajv.addSchema(
      { $id: BASE, components: { schemas: toJsonSchema(document.components?.schemas ?? {}) } },
      BASE,
    );
  }

  /** The errors of `value` against the (OpenAPI) `schema`, as readable lines; empty when valid. */
  errors(schema: Json, value: unknown): string[] {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile(toJsonSchema(schema));
      this.compiled.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `${error.instancePath || '(body)'} ${error.message}${
          error.keyword === 'additionalProperties'
            ? `: ${(error.params as { additionalProperty: string }).additionalProperty}`
            : ''
        }`,
    );
  }
}
