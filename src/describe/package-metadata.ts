/** The dataset's fixed descriptive metadata, as published in datapackage.json. */
export const PACKAGE_METADATA = {
  name: "china-kazakhstan-parliamentary-exchanges",
  title: "China–Kazakhstan inter-parliamentary exchanges",
  description:
    "Meetings between the National People's Congress of China and the Parliament of Kazakhstan (Mazhilis and Senate), " +
    "with the people, bodies, topics and quotes around them. Every row cites the news documents that report it; " +
    "dates are exactly as precise as those documents allow.\n\nBuilt with parlex from YAML source records.",
  keywords: ["China", "Kazakhstan", "parliament", "National People's Congress", "Mazhilis", "Senate", "inter-parliamentary relations", "diplomacy"],
  licenses: [{ name: "CC-BY-4.0", path: "https://creativecommons.org/licenses/by/4.0/", title: "Creative Commons Attribution 4.0 International" }],
  contributors: [{ title: "The parlex contributors", roles: ["creator"] }],
} as const;
