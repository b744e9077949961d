import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The package version, found from wherever this file runs (the sources or the compiled `dist/`). */
export function packageVersion(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "iewsc-workbench") return pkg.version ?? "0.0.0";
    }
  }
  return "0.0.0";
}
