/*
 * zod-to-openapi has no "exports" map, so Node's `import` picks its CommonJS main, which loads
 * zod's CommonJS build: a second zod whose schemas ours are not. Its ESM build shares our zod
 * and has the same API as the main entry's declarations (it ships none of its own).
 */
import type * as api from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

const ESM_BUILD = '@asteasolutions/zod-to-openapi/dist/index.mjs';
const lib = (await import(ESM_BUILD)) as typeof api;
lib.extendZodWithOpenApi(z);

export const OpenAPIRegistry = lib.OpenAPIRegistry;
export type OpenAPIRegistry = api.OpenAPIRegistry;
export const OpenApiGeneratorV31 = lib.OpenApiGeneratorV31;
export type OpenApiGeneratorV31 = api.OpenApiGeneratorV31;
export type { RouteConfig, ResponseConfig } from '@asteasolutions/zod-to-openapi';
