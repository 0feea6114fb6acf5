// Builds dist/app.js from src/ with esbuild, and dist/build.json with the
// SHA-256 of every file the bundle depends on, so that a Go test can tell
// when the embedded bundle is older than its sources.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";

const sources = ["build.mjs", "package-lock.json", ...readdirSync("src").sort().map((f) => "src/" + f)];
mkdirSync("dist", { recursive: true });
const result = await build({
  entryPoints: ["src/main.js"],
  bundle: true,
  minify: true,
  sourcemap: true,
  format: "iife",
  target: ["es2020"],
  outfile: "dist/app.js",
  legalComments: "linked",
  logLevel: "warning",
  metafile: true,
});
const hashes = {};
for (const f of sources) hashes[f] = createHash("sha256").update(readFileSync(f)).digest("hex");
writeFileSync("dist/build.json", JSON.stringify({ sources: hashes, inputs: Object.keys(result.metafile.inputs).sort() }, null, 1) + "\n");
