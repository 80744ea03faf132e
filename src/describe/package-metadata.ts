import { datasetIdentity, descriptorMetadata } from "../dataset/identity.js";

/** The dataset's descriptive metadata, as published in datapackage.json: from dataset.json. */
export function packageMetadata(): Record<string, unknown> {
  return descriptorMetadata(datasetIdentity());
}
