import type { UnplacedDiagnostic } from "../../model/diagnostic.js";
import { COUNTRY_CODES } from "../../model/countries.js";
import { makeDiagnostic } from "../../catalogue/make-diagnostic.js";
import type { MeaningCheck } from "./meaning-check.js";

/** Country fields hold officially assigned ISO 3166-1 codes, not merely two capitals. */
export const checkCountries: MeaningCheck = ({ index }) => {
  const out: UnplacedDiagnostic[] = [];
  for (const { file, record } of index.person.values()) checkCode(out, file, "/country", record.country);
  for (const { file, record } of index.body.values()) checkCode(out, file, "/country", record.country);
  for (const { file, record } of index.visit.values()) checkCode(out, file, "/host_country", record.host_country);
  for (const { file, record } of index.meeting.values()) checkCode(out, file, "/location/country", record.location?.country);
  return out;
};

// A function of its own, not a closure made at each call: this check runs once per record.
function checkCode(out: UnplacedDiagnostic[], file: string, pointer: string, value: string | undefined): void {
  if (value !== undefined && !COUNTRY_CODES.has(value)) out.push(makeDiagnostic("country/unknown", { value }, { file, pointer }));
}
