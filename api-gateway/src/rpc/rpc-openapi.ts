import type { PackageDefinition } from '@grpc/proto-loader';
import { z } from 'zod';

const FieldDescriptorSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  typeName: z.string(),
});

interface MessageDescriptor {
  name: string;
  field: z.infer<typeof FieldDescriptorSchema>[];
  nestedType: MessageDescriptor[];
  options?: { mapEntry?: boolean | undefined } | null | undefined;
}

/** The part of protobufjs's DescriptorProto (as proto-loader exposes it) the docs need. */
const MessageDescriptorSchema: z.ZodType<MessageDescriptor> = z.lazy(() =>
  z.object({
    name: z.string(),
    field: z.array(FieldDescriptorSchema),
    nestedType: z.array(MessageDescriptorSchema),
    options: z.object({ mapEntry: z.boolean().optional() }).nullable().optional(),
  }),
);

type JsonSchema = Record<string, unknown>;

const INT64 = { type: 'string', pattern: '^-?[0-9]+$', description: '64-bit integer as a string' };
const SCALARS: Record<string, JsonSchema> = {
  TYPE_STRING: { type: 'string' },
  TYPE_BOOL: { type: 'boolean' },
  TYPE_BYTES: { type: 'string', contentEncoding: 'base64' },
  TYPE_DOUBLE: { type: 'number' },
  TYPE_FLOAT: { type: 'number' },
  TYPE_INT32: { type: 'integer' },
  TYPE_UINT32: { type: 'integer', minimum: 0 },
  TYPE_SINT32: { type: 'integer' },
  TYPE_FIXED32: { type: 'integer', minimum: 0 },
  TYPE_SFIXED32: { type: 'integer' },
  TYPE_INT64: INT64,
  TYPE_UINT64: INT64,
  TYPE_SINT64: INT64,
  TYPE_FIXED64: INT64,
  TYPE_SFIXED64: INT64,
  TYPE_ENUM: { type: 'string', description: 'enum value name' },
};

/**
 * JSON Schemas (OpenAPI 3.1 components named by full proto name) for a message and every message
 * it uses, as the bridge reads and writes them: camelCase fields, 64-bit integers as strings,
 * maps as objects.
 */
export class ProtoSchemaBuilder {
  readonly components: Record<string, JsonSchema> = {};

  constructor(private readonly definition: PackageDefinition) {}

  /** A `$ref` to the message's component, building it (and its dependencies) once. */
  refFor(fullName: string): JsonSchema {
    if (!(fullName in this.components)) {
      this.components[fullName] = {};
      this.components[fullName] = this.messageSchema(fullName, this.descriptorOf(fullName));
    }
    return { $ref: `#/components/schemas/${fullName}` };
  }

  /** A `$ref` to message `typeName` as named inside `owner` (a service or message full name). */
  refForTypeIn(owner: string, typeName: string): JsonSchema {
    const fullName = this.resolveTypeName(owner, typeName);
    return fullName ? this.refFor(fullName) : { type: 'object' };
  }

  private descriptorOf(fullName: string): MessageDescriptor | undefined {
    const entry = this.definition[fullName];
    const parsed = entry && 'type' in entry ? MessageDescriptorSchema.safeParse(entry.type) : undefined;
    return parsed?.success ? parsed.data : undefined;
  }

  private messageSchema(fullName: string, descriptor: MessageDescriptor | undefined): JsonSchema {
    if (!descriptor) return { type: 'object' };
    const properties: Record<string, JsonSchema> = {};
    for (const field of descriptor.field) {
      const nested = descriptor.nestedType.find((n) => n.name === field.typeName);
      if (nested?.options?.mapEntry) {
        const value = nested.field.find((f) => f.name === 'value');
        properties[field.name] = {
          type: 'object',
          additionalProperties: value ? this.fieldSchema(fullName, value) : {},
        };
        continue;
      }
      const single = this.fieldSchema(fullName, field);
      properties[field.name] = field.label === 'LABEL_REPEATED' ? { type: 'array', items: single } : single;
    }
    return { type: 'object', properties };
  }

  private fieldSchema(owner: string, field: z.infer<typeof FieldDescriptorSchema>): JsonSchema {
    if (field.type !== 'TYPE_MESSAGE') return SCALARS[field.type] ?? {};
    const target = this.resolveTypeName(owner, field.typeName);
    return target ? this.refFor(target) : { type: 'object' };
  }

  /** Proto scoping: the name relative to the owner, then to each enclosing package. */
  private resolveTypeName(owner: string, typeName: string): string | undefined {
    if (typeName.startsWith('.')) return typeName.slice(1);
    const parts = owner.split('.');
    for (let i = parts.length; i >= 0; i -= 1) {
      const candidate = [...parts.slice(0, i), typeName].join('.');
      if (candidate in this.definition) return candidate;
    }
    return undefined;
  }
}
