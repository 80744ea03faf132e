import { z } from "zod";

/** A field value as a descriptor may state it (enum members, minimum, …). */
const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** One or more field names: Table Schema v1 allowed a bare string where v2 wants an array. */
const FieldNames = z.union([z.string().transform((s) => [s]), z.array(z.string())]);

const Constraints = z.looseObject({
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
  pattern: z.string().optional(),
  enum: z.array(Scalar).optional(),
  minimum: Scalar.optional(),
  maximum: Scalar.optional(),
  exclusiveMinimum: Scalar.optional(),
  exclusiveMaximum: Scalar.optional(),
  minLength: z.number().int().optional(),
  maxLength: z.number().int().optional(),
});

const Field = z.looseObject({
  name: z.string().min(1),
  type: z.string().default("any"),
  format: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  constraints: Constraints.optional(),
  categories: z.array(z.union([Scalar, z.looseObject({ value: Scalar, label: z.string().optional() })])).optional(),
  trueValues: z.array(z.string()).optional(),
  falseValues: z.array(z.string()).optional(),
  missingValues: z.array(z.string()).optional(),
});

const ForeignKey = z.object({
  fields: FieldNames,
  // v1 wrote `"resource": ""` for a self-reference; v2 omits it. Both mean "this resource".
  reference: z.object({ resource: z.string().optional().transform((r) => (r === "" ? undefined : r)), fields: FieldNames }),
});

const TableSchema = z.looseObject({
  fields: z.array(Field),
  missingValues: z.array(z.string()).default([""]),
  primaryKey: FieldNames.default([]),
  foreignKeys: z.array(ForeignKey).default([]),
});

const Resource = z.looseObject({
  name: z.string().min(1),
  type: z.string().optional(),
  path: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  format: z.string().optional(),
  mediatype: z.string().optional(),
  encoding: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  hash: z.string().optional(),
  dialect: z.looseObject({ delimiter: z.string().length(1).optional(), quoteChar: z.string().length(1).optional(), header: z.boolean().optional() }).optional(),
  schema: TableSchema.optional(),
});

/** What the toolkit reads of a Data Package descriptor: every property it relies on, checked. */
export const DescriptorSchema = z.looseObject({
  name: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  version: z.string().optional(),
  created: z.string().optional(),
  resources: z.array(Resource).min(1),
});

/** A parsed datapackage.json. */
export type Descriptor = z.infer<typeof DescriptorSchema>;
/** One resource of a parsed descriptor. */
export type Resource = z.infer<typeof Resource>;
/** A parsed Table Schema (primaryKey and foreign-key fields always arrays). */
export type TableSchema = z.infer<typeof TableSchema>;
/** One field of a parsed Table Schema. */
export type Field = z.infer<typeof Field>;
/** A field's constraints. */
export type Constraints = z.infer<typeof Constraints>;
/** A parsed foreign key. */
export type ForeignKey = z.infer<typeof ForeignKey>;

/** Parse descriptor text: the descriptor, or one line per problem (JSON syntax or shape). */
export function parseDescriptor(text: string): { ok: true; descriptor: Descriptor } | { ok: false; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not JSON: ${(error as Error).message}`] };
  }
  const result = DescriptorSchema.safeParse(json);
  if (result.success) return { ok: true, descriptor: result.data };
  return { ok: false, problems: result.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`) };
}

/** The table a resource holds: its name without the format suffix (`meetings-json` → `meetings`). */
export function tableOfResource(resource: Resource): string {
  const suffix = resource.format ? `-${resource.format.toLowerCase()}` : "";
  return suffix && resource.name.endsWith(suffix) ? resource.name.slice(0, -suffix.length) : resource.name;
}
