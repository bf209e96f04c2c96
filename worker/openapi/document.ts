// The OpenAPI 3.1 document of the public APIs (served at /api/openapi.json), generated from
// OPERATIONS and their zod schemas with zod's own z.toJSONSchema (JSON Schema 2020-12, the dialect
// OpenAPI 3.1 uses). Request schemas are the input side (defaults make a field optional); response
// schemas the output side. Built once per isolate: it depends on code only.
import { z, type ZodType } from 'zod';
import { OPERATIONS, type Operation, type Security } from './operations';

type JsonSchema = Record<string, unknown>;

const ERROR_ENVELOPE: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable machine-readable code, e.g. invalid_request' },
        message: { type: 'string', description: 'What went wrong and what to do about it' },
        details: {
          type: 'array',
          items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Validation failed (details name the fields)',
  401: 'Missing or wrong credentials',
  403: 'Not allowed (role, origin or channel off)',
  404: 'Not found (or another account’s)',
  409: 'Conflicts with the current state',
  413: 'Body too large',
  415: 'Body is not JSON',
  426: 'Not a WebSocket upgrade',
};

const SECURITY_SCHEMES = {
  apiKey: { type: 'http', scheme: 'bearer', description: 'An account API key `sk_…` (Settings → API keys).' },
  resumeToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'The conversation’s resume token `rt_…` from Start a conversation.',
  },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'baton_session',
    description: 'A team member’s session (sign in at /inbox); writes must be same-origin.',
  },
} as const;

function jsonSchema(schema: ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(op: Operation): JsonSchema[] {
  const path = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (!op.query) return path;
  const query = jsonSchema(op.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return [
    ...path,
    ...Object.entries(query.properties ?? {}).map(([name, schema]) => ({
      name,
      in: 'query',
      required: (query.required ?? []).includes(name),
      schema,
    })),
  ];
}

const securityOf = (s: Security) => (s === 'none' || s === 'siteKey' ? [] : [{ [s]: [] }]);

function operationObject(op: Operation): JsonSchema {
  const success = {
    description: op.success.description,
    ...(op.success.schema || op.success.contentType
      ? {
          content: {
            [op.success.contentType ?? 'application/json']: {
              schema: op.success.schema ? jsonSchema(op.success.schema, 'output') : {},
            },
          },
        }
      : {}),
  };
  return {
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    operationId: `${op.method}${op.path
      .replace(/^\/api/, '')
      .replace(/[{}]/g, '')
      .replace(/[/-](\w)/g, (_, ch: string) => ch.toUpperCase())}`,
    parameters: parameters(op),
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } }
      : {}),
    security: securityOf(op.security),
    responses: {
      [String(op.success.status)]: success,
      ...Object.fromEntries(
        op.errors.map((s) => [
          String(s),
          {
            description: STATUS_TEXT[s] ?? 'Error',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        ]),
      ),
    },
  };
}

export function buildOpenApi(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Baton public APIs',
      version: '1',
      description:
        'The widget API (storefronts), the track and identify API and segment exports (store servers, API key), and webhook subscriptions (team session). Errors share one envelope.',
    },
    tags: [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: { schemas: { Error: ERROR_ENVELOPE }, securitySchemes: SECURITY_SCHEMES },
  };
}

let cached: JsonSchema | null = null;
export function openApiDocument(): JsonSchema {
  return (cached ??= buildOpenApi());
}
