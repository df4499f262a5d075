// The package's name and version, read from package.json (two folders up from both src/cli and dist/cli).
import {readFileSync} from 'node:fs';

interface PackageInfo {
  name: string;
  version: string;
}

let cached: PackageInfo | undefined;
const packageInfo = (): PackageInfo => (cached ??= JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageInfo);

export const version = (): string => packageInfo().version;

/** What --version prints: the npm package's name (the command is `parley`, the package parley-sim) and version. */
export const versionLine = (): string => `${packageInfo().name} ${packageInfo().version}`;
