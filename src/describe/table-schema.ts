import type { FieldDef, TableDef } from "../tables/field-types.js";

/** A Frictionless Table Schema (v2) for one table; foreign keys point at `resourceName(table)`. */
export function tableSchema(table: TableDef, resourceName: (table: string) => string): Record<string, unknown> {
  return {
    fields: table.fields.map(fieldDescriptor),
    missingValues: [""],
    primaryKey: [...table.primaryKey],
    ...(table.foreignKeys.length
      ? {
          foreignKeys: table.foreignKeys.map((fk) => ({
            fields: [...fk.fields],
            // A self-reference omits `resource` (Table Schema v2).
            reference: fk.reference.table === table.name ? { fields: [...fk.reference.fields] } : { resource: resourceName(fk.reference.table), fields: [...fk.reference.fields] },
          })),
        }
      : {}),
  };
}

function fieldDescriptor(field: FieldDef): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (field.required) constraints.required = true;
  if (field.pattern) constraints.pattern = field.pattern;
  if (field.minimum !== undefined) constraints.minimum = field.minimum;
  if (field.categories) constraints.enum = [...field.categories];
  return {
    name: field.name,
    type: field.type,
    ...(field.type === "date" ? { format: "default" } : {}),
    description: field.description,
    ...(field.categories ? { categories: [...field.categories] } : {}),
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}
