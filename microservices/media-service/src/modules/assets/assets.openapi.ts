import { pageSchema } from '@haat/common';
import type { OpenAPIRegistry } from '@haat/contracts/openapi';
import { z } from 'zod';
import { errors, json } from '../../infrastructure/http/openapi-responses.js';
import {
  AssetViewSchema,
  CreatedUploadSchema,
  CreateUploadSchema,
  ListAssetsQuerySchema,
  SignedUrlQuerySchema,
  SignedUrlSchema,
  StoreDocumentQuerySchema,
} from './dto/asset.dto.js';

const idParams = z.object({ id: z.string().uuid() });
const status = (description: string) => ({ description });

export function registerAssetsOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['media'];
  registry.registerPath({
    method: 'post',
    path: '/v1/media',
    tags,
    summary:
      'Upload an image or video as multipart/form-data (`file`, optional `purpose`); its type comes from its bytes. Processed in the background',
    request: {
      body: {
        content: {
          'multipart/form-data': {
            schema: z.object({ file: z.string().meta({ format: 'binary' }), purpose: z.string().optional() }),
          },
        },
      },
    },
    responses: {
      201: json('The asset, `processing`', AssetViewSchema),
      ...errors(400, 403),
      413: status('Larger than MEDIA_MAX_UPLOAD_BYTES'),
      415: status(
        'Not multipart, or the bytes are not a supported image or video (`MEDIA_CONTENT_MISMATCH`)',
      ),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/media/uploads',
    tags,
    summary: 'Get a signed, expiring URL to PUT a large file to directly',
    request: { body: { content: { 'application/json': { schema: CreateUploadSchema } } } },
    responses: {
      201: json('The waiting asset and its upload URL', CreatedUploadSchema),
      ...errors(400, 403),
    },
  });
  registry.registerPath({
    method: 'put',
    path: '/v1/media/uploads/{id}',
    tags,
    summary: 'The file of a direct upload (streamed to disk); the signed URL is the credential',
    request: { params: idParams, query: SignedUrlQuerySchema },
    responses: {
      202: json('Stored; processing', AssetViewSchema),
      ...errors(400, 401, 403, 404, 409),
      413: status('Larger than MEDIA_MAX_DIRECT_UPLOAD_BYTES'),
      415: status('The bytes are not what the upload announced'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/media/documents',
    tags,
    summary: 'Keep a generated PDF (report, label, invoice) for another service: private, ready at once',
    request: {
      query: StoreDocumentQuerySchema,
      body: { content: { 'application/pdf': { schema: z.string() } } },
    },
    responses: {
      201: json('The asset', AssetViewSchema),
      ...errors(400, 403),
      413: status('Too large'),
      415: status('Not a PDF'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/media',
    tags,
    summary: "The tenant's media, newest first",
    request: { query: ListAssetsQuerySchema },
    responses: { 200: json('A page of assets', pageSchema(AssetViewSchema)), ...errors(400, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/media/{id}',
    tags,
    summary: 'An asset: status (`processing`, `ready`, `failed`), renditions with their CDN URLs, poster',
    request: { params: idParams },
    responses: { 200: json('The asset', AssetViewSchema), ...errors(400, 403, 404) },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/media/{id}/download-url',
    tags,
    summary: 'A signed, expiring URL downloading the stored file',
    request: { params: idParams },
    responses: { 200: json('The URL', SignedUrlSchema), ...errors(403, 404, 409) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/media/{id}',
    tags,
    summary: 'Delete an asset and its files (`media.asset-deleted.v1`)',
    request: { params: idParams },
    responses: { 204: status('Deleted'), ...errors(403, 404) },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/media/files/{tenant}/{asset}/{name}',
    tags,
    summary: 'A rendition (content-hashed name): `Cache-Control: public, max-age=31536000, immutable`',
    request: { params: z.object({ tenant: z.string().uuid(), asset: z.string().uuid(), name: z.string() }) },
    responses: { 200: status('The file'), 404: status('No such file') },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/media/downloads/{id}',
    tags,
    summary: 'The stored file behind a signed download URL',
    request: { params: idParams, query: SignedUrlQuerySchema },
    responses: { 200: status('The file'), ...errors(401, 403, 404) },
  });
}
