import { InternalError } from '@haat/common';
import { protoPath } from '@haat/contracts';
import { type MethodDefinition, type Options, type PackageDefinition, loadSync } from '@grpc/proto-loader';

/**
 * How the bridge (and every Haat gRPC server) maps messages to JSON: camelCase fields, 64-bit
 * integers as strings (JSON numbers lose precision), enums by name, absent fields as defaults.
 */
export const PROTO_LOADER_OPTIONS: Options = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
};

export type RpcMethodDefinition = MethodDefinition<object, object>;

const packages = new Map<string, PackageDefinition>();

/** The package definition of a proto file in `libs/contracts/proto`, loaded once. */
export function packageOf(protoFile: string): PackageDefinition {
  let definition = packages.get(protoFile);
  if (!definition) {
    definition = loadSync(protoPath(protoFile), PROTO_LOADER_OPTIONS);
    packages.set(protoFile, definition);
  }
  return definition;
}

/** The method `<package>.<Service>/<Method>` from `protoFile`; a missing one is a start-up error. */
export function loadRpcMethod(protoFile: string, fullName: string): RpcMethodDefinition {
  const [service, method] = fullName.split('/');
  const definition = service && method ? packageOf(protoFile)[service] : undefined;
  const candidate =
    definition && method && method in definition
      ? (definition as Record<string, unknown>)[method]
      : undefined;
  if (!isUnaryMethod(candidate)) {
    throw new InternalError(
      'GATEWAY_RPC_METHOD_UNKNOWN',
      `${fullName} is not a unary method of ${protoFile}`,
      {
        protoFile,
        method: fullName,
      },
    );
  }
  return candidate;
}

function isUnaryMethod(value: unknown): value is RpcMethodDefinition {
  return (
    typeof value === 'object' &&
    value !== null &&
    'path' in value &&
    'requestStream' in value &&
    value.requestStream === false &&
    'responseStream' in value &&
    value.responseStream === false
  );
}
