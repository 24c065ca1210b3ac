import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The runtime the project targets and the install scripts it lets run (issue 9, finding 15).
 * Node.js 20 reached its end of life on 30 April 2026: the image runs Node.js 24 (LTS), and
 * `engines` admits 20.19 only while CI's machines still run it. Of the dependencies with
 * install scripts, only the native build the product needs runs; the rest, among them a
 * telemetry beacon, are denied by name, and an unreviewed one fails the install (.npmrc).
 */

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const packageJson = JSON.parse(read('package.json')) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(read('package-lock.json')) as {
  packages: Record<string, { hasInstallScript?: boolean }>;
};

/** Every package the lock file installs that has install scripts, by name. */
const withInstallScripts = [
  ...new Set(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)),
  ),
].sort();

describe('install scripts', () => {
  it('are decided for every dependency that has them, and for no other', () => {
    expect(Object.keys(packageJson.allowScripts ?? {}).sort()).toEqual(withInstallScripts);
  });

  it('run only for better-sqlite3, the native build the product needs', () => {
    const allowed = Object.entries(packageJson.allowScripts ?? {})
      .filter(([, allow]) => allow)
      .map(([name]) => name);
    expect(allowed).toEqual(['better-sqlite3']);
  });

  it('never run for the @scarf/scarf telemetry beacon', () => {
    expect(packageJson.allowScripts?.['@scarf/scarf']).toBe(false);
  });

  it('fail the install when a dependency brings scripts nobody reviewed', () => {
    expect(read('.npmrc')).toMatch(/^strict-allow-scripts=true$/m);
  });
});

describe('the Node.js runtime', () => {
  it('is Node.js 24 in the image', () => {
    expect(read('Dockerfile')).toMatch(/^ARG NODE_VERSION=24(\.\d+)*$/m);
  });

  it('is Node.js 24 in engines, with 20.19 kept only while CI runs it', () => {
    expect(packageJson.engines.node).toBe('^20.19 || >=24');
  });

  it('is named in the README', () => {
    expect(read('README.md')).toMatch(/Node\.js 24/);
  });
});
