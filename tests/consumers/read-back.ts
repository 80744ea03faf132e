import { it } from "vitest";
import { describeWithConsumer, dumpWith, findPandasPython, findRscript, type BuiltPackage } from "./consumer-env.js";
import { expectArrowMatchesPackage, expectDumpMatchesPackage, pandasType, rType } from "./expectations.js";

/**
 * The three real consumers each read a built package back exactly as its JSON files hold it:
 * apache-arrow, pandas through load.py and R through load.R (the latter two skip, or in CI fail,
 * when the consumer is absent). `pkg` is called when the tests run, after it is built.
 */
export function itReadsBackInEveryConsumer(pkg: () => BuiltPackage): void {
  it("reads back from Arrow exactly as from JSON", () => {
    expectArrowMatchesPackage(pkg());
  });

  describeWithConsumer("with pandas", findPandasPython(), "a python3 with pandas (Debian: python3-pandas)", (python) => {
    it("reads back through load.py exactly as from JSON", () => {
      expectDumpMatchesPackage(dumpWith(python, "dump_pandas.py", pkg().dir), pkg(), pandasType);
    });
  });

  describeWithConsumer("with R", findRscript(), "Rscript with readr and jsonlite (Debian: r-base-core r-cran-readr r-cran-jsonlite)", (rscript) => {
    it("reads back through load.R exactly as from JSON", () => {
      expectDumpMatchesPackage(dumpWith(rscript, "dump_r.R", pkg().dir), pkg(), rType);
    });
  });
}
