import type { UnplacedDiagnostic } from "../../model/diagnostic.js";
import { COUNTRY_CODES } from "../../model/countries.js";
import { makeDiagnostic } from "../../catalogue/make-diagnostic.js";
import type { MeaningCheck } from "./meaning-check.js";

/** Country fields hold officially assigned ISO 3166-1 codes, not merely two capitals. */
export const checkCountries: MeaningCheck = ({ index }) => {
  const out: UnplacedDiagnostic[] = [];
  const check = (file: string, pointer: string, value: string | undefined) => {
    if (value !== undefined && !COUNTRY_CODES.has(value)) out.push(makeDiagnostic("country/unknown", { value }, { file, pointer }));
  };
  for (const { file, record } of index.person.values()) check(file, "/country", record.country);
  for (const { file, record } of index.body.values()) check(file, "/country", record.country);
  for (const { file, record } of index.visit.values()) check(file, "/host_country", record.host_country);
  for (const { file, record } of index.meeting.values()) check(file, "/location/country", record.location?.country);
  return out;
};
