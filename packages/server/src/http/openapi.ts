import { z } from 'zod';
import type { AnyRoute } from './route.ts';

function schemaOf(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query'): unknown[] {
  if (schema === undefined) return [];
  const json = schemaOf(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

const ERROR = {
  description: 'error',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: { code: { type: 'string' }, message: { type: 'string' }, current: {} },
            required: ['code', 'message'],
          },
        },
      },
    },
  },
};

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(routes: readonly AnyRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const path = spec.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const operation: Record<string, unknown> = {
      summary: spec.summary,
      tags: [spec.tag],
      parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
      responses: {
        [String(spec.status ?? 200)]: { description: 'success' },
        '400': ERROR,
        ...(spec.public === true ? {} : { '401': ERROR, '403': ERROR, '404': ERROR }),
      },
      ...(spec.public === true ? { security: [] } : {}),
    };
    if (spec.body !== undefined)
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: schemaOf(spec.body) } },
      };
    if (spec.multipart === true)
      operation.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } },
            },
          },
        },
      };
    paths[path] = { ...paths[path], [spec.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'mica-audit workspace API', version: '0.1.0' },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'mica.session_token' },
        token: { type: 'http', scheme: 'bearer', description: 'personal API token (mica_pat_…)' },
      },
    },
    security: [{ session: [] }, { token: [] }],
    paths,
  };
}

/** A dependency-free docs page: every operation from the OpenAPI document, grouped by tag. */
export function docsPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>mica-audit API</title>
<style>body{font:14px system-ui;margin:2rem;max-width:60rem}code{background:#f4f4f4;padding:0 .3em}h2{margin-top:2rem}</style>
</head><body><h1>mica-audit API</h1><p>OpenAPI 3.1: <a href="/api/openapi.json">/api/openapi.json</a></p><div id="ops"></div>
<script type="module">
const doc = await (await fetch('/api/openapi.json')).json();
const byTag = {};
for (const [path, ops] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(ops))
  (byTag[op.tags[0]] ??= []).push([method.toUpperCase(), path, op.summary]);
const root = document.getElementById('ops');
for (const [tag, ops] of Object.entries(byTag)) {
  const h = document.createElement('h2'); h.textContent = tag; root.append(h);
  for (const [m, p, s] of ops) { const d = document.createElement('div'); d.innerHTML = '<code></code> '; d.firstChild.textContent = m + ' ' + p; d.append(s); root.append(d); }
}
</script></body></html>`;
}
