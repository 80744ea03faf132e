/**
 * The descriptor with its `version` set and, given a day (YYYY-MM-DD), its `created` (right after
 * `version`, where a build dated that day has it), serialized exactly as the build writes it
 * (two-space JSON, final newline, key order kept), so a release's descriptor equals a build at that
 * version and date.
 */
export function withVersion(descriptor: Uint8Array, version: string, date?: string): Uint8Array {
  const json = JSON.parse(new TextDecoder().decode(descriptor)) as Record<string, unknown>;
  json.version = version;
  if (date === undefined) return encode(json);
  const { created: _created, ...rest } = json;
  const dated: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    dated[key] = value;
    if (key === "version") dated.created = `${date}T00:00:00Z`;
  }
  return encode(dated);
}

/** A descriptor for use outside its folder: every relative resource path prefixed (e.g. `dist-data/1.0.0/`). */
export function rootDescriptor(descriptor: Uint8Array, prefix: string): Uint8Array {
  const json = JSON.parse(new TextDecoder().decode(descriptor)) as { resources: { path: string }[] };
  for (const resource of json.resources) {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(resource.path)) resource.path = prefix + resource.path;
  }
  return encode(json);
}

function encode(json: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(json, null, 2) + "\n");
}
