import { Client, credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { loadSync, type MethodDefinition } from '@grpc/proto-loader';
import { newId } from '@haat/common';
import { protoPath } from '@haat/contracts';
import { signInternalRequest } from '@haat/tenant';
import { type Caller, SIGNING_SECRET } from './inventory.harness.js';

const SERVICE = 'haat.inventory.v1.Inventory';
const OPTIONS = { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true } as const;
const pkg = loadSync(protoPath('inventory.proto'), OPTIONS);
const service = pkg[SERVICE] as Record<string, MethodDefinition<object, Record<string, unknown>>>;

export interface GrpcReply {
  response?: Record<string, unknown>;
  error?: ServiceError;
}

/**
 * A gRPC client signing as the gateway and other services do: `signInternalRequest` over
 * `POST`, `/haat.inventory.v1.Inventory/<Method>` and the canonical body — every field of the
 * request in declaration order under its proto name, as the server decodes it.
 */
export class InventoryClient {
  private readonly client: Client;

  constructor(port: number) {
    this.client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
  }

  call(
    method: 'CheckStock' | 'Reserve',
    request: Record<string, unknown>,
    options: { as: Caller; sign?: boolean; signedBody?: string },
  ): Promise<GrpcReply> {
    const def = service[method];
    if (!def) throw new Error(`no ${method}`);
    const metadata = new Metadata();
    if (options.sign !== false) {
      // What the server will decode: round-trip the request through the wire format.
      const decoded = def.requestDeserialize(def.requestSerialize(request)) as Record<string, unknown>;
      const fields = (def.requestType.type as { field: { name: string }[] }).field.map((f) => f.name);
      const canonical = JSON.stringify(Object.fromEntries(fields.map((f) => [f, decoded[f]])));
      const headers = signInternalRequest({
        method: 'POST',
        path: `/${SERVICE}/${method}`,
        body: options.signedBody ?? canonical,
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
