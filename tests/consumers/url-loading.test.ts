// load.py and load.R load a release from its URL (issue 19, point 3): the descriptor is downloaded,
// then each table's file, checked against its size and sha256 before use and kept in a cache
// folder under its sha256. A test server on 127.0.0.1 serves a built package, as a site would.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serveFolder, runAsync, type ServedFolder } from "../helpers/serve-folder.js";
import { buildPackage, describeWithConsumer, DRIVERS, findPandasPython, findRscript, openPackage, ROOT, tempDir, type BuiltPackage, type ConsumerDump } from "./consumer-env.js";
import { expectDumpMatchesPackage, pandasType, rType, type ExpectedType } from "./expectations.js";
import type { FieldDescriptor } from "./consumer-env.js";

interface Loader {
  title: string;
  find: () => string | null;
  missing: string;
  script: string;
  driver: string;
  type: (field: FieldDescriptor) => ExpectedType;
  /** Environment that points the loader's default cache folder at `dir`, and where it then puts files. */
  cacheEnv(dir: string): { env: NodeJS.ProcessEnv; folder: string };
}

const LOADERS: Loader[] = [
  {
    title: "load.py loads a release by URL",
    find: findPandasPython,
    missing: "a python3 with pandas (Debian: python3-pandas)",
    script: "load.py",
    driver: "dump_pandas.py",
    type: pandasType,
    cacheEnv: (dir) => ({ env: { ...process.env, XDG_CACHE_HOME: dir }, folder: path.join(dir, "parlex") }),
  },
  {
    title: "load.R loads a release by URL",
    find: findRscript,
    missing: "Rscript with readr and jsonlite (Debian: r-base-core r-cran-readr r-cran-jsonlite)",
    script: "load.R",
    driver: "dump_r.R",
    type: rType,
    cacheEnv: (dir) => ({ env: { ...process.env, R_USER_CACHE_DIR: dir }, folder: path.join(dir, "R", "parlex") }),
  },
];

for (const loader of LOADERS) {
  describeWithConsumer(loader.title, loader.find(), loader.missing, (command) => {
    let pkg: BuiltPackage;
    let served: ServedFolder;
    let packageUrl: string;
    beforeAll(async () => {
      pkg = buildPackage(path.join(ROOT, "sources"), `url-${loader.script}`);
      served = await serveFolder(path.dirname(pkg.dir));
      packageUrl = `${served.url}package/`;
    });
    afterAll(async () => {
      await served?.close();
      pkg?.remove();
    });

    /** Load `source` with the driver (importing the loader from the local package) into a dump. */
    async function dump(source: string, cache: string): Promise<{ status: number | null; stderr: string; dump: ConsumerDump | null }> {
      const out = path.join(tempDir("url-dump"), "dump.json");
      const result = await runAsync(command, [path.join(DRIVERS, loader.driver), pkg.dir, out, source, cache]);
      return { status: result.status, stderr: result.stderr, dump: existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as ConsumerDump) : null };
    }
    const hashOf = (table: string) => pkg.tables.find((t) => t.name === table)!.hash.replace(/^sha256:/, "");

    it("loads every table with its declared types from the folder's URL, then from the cache by the descriptor's URL", async () => {
      const cache = tempDir("url-cache");
      served.requests.length = 0;
      const first = await dump(packageUrl.replace(/\/$/, ""), cache); // a folder URL without its final "/" too
      expect(first.stderr).toBe("");
      expectDumpMatchesPackage(first.dump!, pkg, loader.type);
      expect(served.requests).toEqual(["/package/datapackage.json", ...pkg.tables.map((t) => `/package/${t.path}`)]);
      expect(readdirSync(cache).sort()).toEqual(pkg.tables.map((t) => hashOf(t.name)).sort());

      served.requests.length = 0;
      const second = await dump(`${packageUrl}datapackage.json`, cache);
      expect(second.stderr).toBe("");
      expectDumpMatchesPackage(second.dump!, pkg, loader.type);
      expect(served.requests, "only the descriptor is downloaded again").toEqual(["/package/datapackage.json"]);
    });

    it("refuses a served file changed by one byte, and keeps nothing of it", async () => {
      const meetings = pkg.tables.find((t) => t.name === "meetings")!;
      const bytes = readFileSync(path.join(pkg.dir, meetings.path));
      const at = bytes.lastIndexOf(0x61); // an "a"
      bytes[at] = 0x62;
      served.override.set(`package/${meetings.path}`, bytes);
      const cache = tempDir("url-cache");
      try {
        const result = await dump(packageUrl, cache);
        expect(result.status).not.toBe(0);
        expect(result.stderr).toContain(`meetings: ${packageUrl}${meetings.path} does not match its sha256 hash in datapackage.json (expected ${hashOf("meetings")}, found ${createHash("sha256").update(bytes).digest("hex")})`);
        expect(result.dump).toBeNull();
        expect(readdirSync(cache)).toEqual([]);
      } finally {
        served.override.clear();
      }
    });

    it("refuses a served file longer than the descriptor says, without reading it all", async () => {
      const meetings = pkg.tables.find((t) => t.name === "meetings")!;
      served.override.set(`package/${meetings.path}`, Buffer.concat([readFileSync(path.join(pkg.dir, meetings.path)), Buffer.alloc(1 << 20, 0x61)]));
      try {
        const result = await dump(packageUrl, tempDir("url-cache"));
        expect(result.status).not.toBe(0);
        expect(result.stderr).toContain(`meetings: ${packageUrl}${meetings.path} is larger than the ${meetings.bytes} bytes expected: refused`);
      } finally {
        served.override.clear();
      }
    });

    it("downloads again a cached file that was damaged, instead of trusting it", async () => {
      const cache = tempDir("url-cache");
      expect((await dump(packageUrl, cache)).status).toBe(0);
      const cached = path.join(cache, hashOf("meetings"));
      const damaged = readFileSync(cached);
      damaged[damaged.length - 2] = 0x7a;
      writeFileSync(cached, damaged);
      served.requests.length = 0;
      const again = await dump(packageUrl, cache);
      expect(again.stderr).toBe("");
      expectDumpMatchesPackage(again.dump!, pkg, loader.type);
      expect(served.requests).toEqual(["/package/datapackage.json", `/package/${pkg.tables.find((t) => t.name === "meetings")!.path}`]);
      expect(createHash("sha256").update(readFileSync(cached)).digest("hex")).toBe(hashOf("meetings"));
    });

    it("runs as a script on a URL, caching in the user's cache folder", async () => {
      const { env, folder } = loader.cacheEnv(tempDir("url-home"));
      const result = await runAsync(command, [path.join(pkg.dir, loader.script), `${packageUrl}datapackage.json`], { env });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      for (const table of pkg.tables) expect(result.stdout).toContain(`\n${table.name}: ${pkg.jsonRows(table.name).length} rows\n`);
      expect(readdirSync(folder).sort()).toEqual(pkg.tables.map((t) => hashOf(t.name)).sort());
    });

    it("says plainly when the URL holds no package", async () => {
      const result = await runAsync(command, [path.join(pkg.dir, loader.script), `${served.url}nothing/`], { env: loader.cacheEnv(tempDir("url-home")).env });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`datapackage\\.json: (${served.url}nothing/datapackage\\.json answered HTTP 404 Not Found|cannot download ${served.url}nothing/datapackage\\.json)`));
    });
  });
}

// The same loaders on the site's own URLs (issue 19, point 5): `parlex site` of the committed
// releases, served on 127.0.0.1 as Pages would serve it, loaded from latest/.
const LATEST = readdirSync(path.join(ROOT, "dist-data"))
  .filter((v) => /^\d+\.\d+\.\d+$/.test(v))
  .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
  .at(-1)!;

for (const loader of LOADERS) {
  describeWithConsumer(`${loader.title}: the site's latest/`, loader.find(), loader.missing, (command) => {
    const release = openPackage(path.join(ROOT, "dist-data", LATEST), () => undefined);
    const site = path.join(tempDir(`site-${loader.script}`), "site");
    let served: ServedFolder;
    beforeAll(async () => {
      const built = await runAsync(process.execPath, [path.join(ROOT, "bin/parlex.js"), "site", "--out", site, "--quiet"], { cwd: ROOT });
      if (built.status !== 0) throw new Error(`parlex site failed: ${built.stderr}`);
      served = await serveFolder(site);
    }, 120_000);
    afterAll(async () => {
      await served?.close();
      rmSync(path.dirname(site), { recursive: true, force: true });
    });

    async function dump(source: string, cache: string): Promise<{ status: number | null; stderr: string; dump: ConsumerDump | null }> {
      const out = path.join(tempDir("site-dump"), "dump.json");
      const result = await runAsync(command, [path.join(DRIVERS, loader.driver), release.dir, out, source, cache]);
      return { status: result.status, stderr: result.stderr, dump: existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as ConsumerDump) : null };
    }

    it(`loads release ${LATEST} from the served latest/ with its declared types, and from latest/datapackage.json`, async () => {
      for (const source of [`${served.url}latest/`, `${served.url}latest/datapackage.json`]) {
        const loaded = await dump(source, tempDir("site-cache"));
        expect(loaded.stderr).toBe("");
        expectDumpMatchesPackage(loaded.dump!, release, loader.type);
      }
      expect(served.requests).toContain(`/latest/${release.tables[0]!.path}`);
    });

    it("refuses a file of latest/ changed by one byte on the server", async () => {
      const meetings = release.tables.find((t) => t.name === "meetings")!;
      const bytes = readFileSync(path.join(release.dir, meetings.path));
      bytes[bytes.lastIndexOf(0x61)] = 0x62;
      served.override.set(`latest/${meetings.path}`, bytes);
      try {
        const cache = tempDir("site-cache");
        const result = await dump(`${served.url}latest/`, cache);
        expect(result.status).not.toBe(0);
        expect(result.stderr).toContain(`meetings: ${served.url}latest/${meetings.path} does not match its sha256 hash in datapackage.json`);
        expect(result.dump).toBeNull();
        expect(readdirSync(cache)).toEqual([]);
      } finally {
        served.override.clear();
      }
    });
  });
}
