import path from "node:path";
import { fileURLToPath } from "node:url";

// Resolved from this file rather than process.cwd() so the sandbox behaves the
// same whether it is driven by `npm run sandbox`, vitest, or a script run from
// a subdirectory.
export const SANDBOX_SRC_DIR: string = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT: string = path.resolve(SANDBOX_SRC_DIR, "..");

export const SANDBOX_POM: string = path.join(SANDBOX_SRC_DIR, "pom.xml");
export const LOGGING_CONFIG_DIR: string = path.join(SANDBOX_SRC_DIR, "logging");

/** Where a named cluster lives when no explicit dir is given (git-ignored). */
export function defaultClusterDir(name: string): string {
  return path.join(REPO_ROOT, ".sandbox", name);
}

/** Per-version jar cache shared by every cluster of that version (git-ignored). */
export function kafkaCacheDir(version: string): string {
  return path.join(REPO_ROOT, ".cache", "kafka", version);
}
