import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/** A folder served over HTTP on 127.0.0.1, as a release site would serve it. */
export interface ServedFolder {
  /** The folder's URL, ending in "/". */
  url: string;
  /** The paths asked for, in order (to see what a client downloaded, and what it took from its cache). */
  requests: string[];
  /** Serve these bytes for a path instead of the file's (a tampered mirror). */
  override: Map<string, Buffer>;
  close(): Promise<void>;
}

/** Serve `dir` read-only on 127.0.0.1 at a free port: GET of a file under it, 404 for anything else. */
export async function serveFolder(dir: string): Promise<ServedFolder> {
  const requests: string[] = [];
  const override = new Map<string, Buffer>();
  const root = path.resolve(dir);
  const server = createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    requests.push(urlPath);
    const relative = urlPath.replace(/^\/+/, "");
    const file = path.resolve(root, relative);
    const replaced = override.get(relative);
    if (replaced) {
      response.writeHead(200, { "content-length": replaced.length }).end(replaced);
      return;
    }
    if (request.method !== "GET" || !file.startsWith(root + path.sep)) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (bytes) => response.writeHead(200, { "content-length": bytes.length }).end(bytes),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    override,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** What a program printed and how it ended. */
export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run a program without blocking this process's event loop (a server in this process must answer it). */
export function runAsync(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Finished> {
  return new Promise((resolve) => {
    execFile(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 120_000, ...options }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === "number" ? error.code : null;
      resolve({ status, stdout, stderr });
    });
  });
}
