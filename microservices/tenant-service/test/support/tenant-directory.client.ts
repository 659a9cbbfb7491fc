import { Client, credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { loadSync, type MethodDefinition } from '@grpc/proto-loader';
import { newId } from '@haat/common';
import { protoPath } from '@haat/contracts';
import { signInternalRequest } from '@haat/tenant';
import { type Caller, SIGNING_SECRET } from './tenant-service.harness.js';

const SERVICE = 'haat.tenant.v1.TenantDirectory';
const pkg = loadSync(protoPath('tenant.proto'), { keepCase: true, longs: Number, defaults: true });
const service = pkg[SERVICE] as Record<string, MethodDefinition<object, Record<string, unknown>>>;

export interface GrpcReply {
  response?: Record<string, unknown>;
  error?: ServiceError;
}

/**
 * A gRPC client signing the way the gateway does: `signInternalRequest` over `POST`,
 * `/haat.tenant.v1.TenantDirectory/<Method>` and `JSON.stringify(request)`, headers as metadata.
 */
export class TenantDirectoryClient {
  private readonly client: Client;

  constructor(port: number) {
    this.client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
  }

  call(
    method: 'ResolveHost' | 'CheckLimit',
    request: Record<string, unknown>,
    options: { as: Caller; sign?: boolean; signedBody?: string },
  ): Promise<GrpcReply> {
    const def = service[method];
    if (!def) throw new Error(`no ${method}`);
    const metadata = new Metadata();
    if (options.sign !== false) {
      const headers = signInternalRequest({
        method: 'POST',
        path: `/${SERVICE}/${method}`,
        body: options.signedBody ?? JSON.stringify(request),
        secret: SIGNING_SECRET,
        context: { ...options.as, requestId: `grpc-${newId()}` },
      });
      for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
    }
    return new Promise((resolve) => {
      this.client.makeUnaryRequest(
        def.path,
        (value: object) => def.requestSerialize(value),
        (bytes: Buffer) => def.responseDeserialize(bytes),
        request,
        metadata,
        (error, response) => resolve(error ? { error } : { response }),
      );
    });
  }

  close(): void {
    this.client.close();
  }
}
