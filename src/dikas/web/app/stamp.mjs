// Writes ../dist/SOURCES.sha256: one hash over the app's sources and lock file, so a test
// (tests/web/test_bundle.py) can tell that the committed bundle was built from the committed
// sources. Run by `npm run build` after esbuild.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('.', import.meta.url).pathname;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const inputs = [...files(join(root, 'src')), join(root, 'package.json'), join(root, 'package-lock.json')]
  .map((path) => relative(root, path).split('\\').join('/'))
  .sort();
const hash = createHash('sha256');
for (const path of inputs) {
  hash.update(path + '\n');
  hash.update(readFileSync(join(root, path)));
  hash.update('\n');
}
writeFileSync(join(root, '..', 'dist', 'SOURCES.sha256'), hash.digest('hex') + '\n');
