// Loaded by scripts/fresh-clone-test.sh into every Node process of the test run (NODE_OPTIONS=--import):
// records each file or folder that is read outside the clone, so the script can fail when a test or the
// bench depends on anything beside the repository. It only records; it never changes what a read does.
//
// Allowed outside the clone: the temporary directory (tests write and read their own files there), the
// system (/dev, /proc, /sys, /etc, /usr, /lib…) and Node's own installation. Everything else, such as a
// `../shared/` corpus or an absolute path on the developer's machine, is logged to FIGCHECK_READ_LOG.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const log = process.env.FIGCHECK_READ_LOG;
const root = process.env.FIGCHECK_CLONE_ROOT;

if (log && root) {
  const append = fs.appendFileSync;
  const realpath = fs.realpathSync.native;
  const real = (path) => {
    try {
      return realpath(path);
    } catch {
      return path;
    }
  };
  const allowed = [
    root,
    real(root),
    tmpdir(),
    real(tmpdir()),
    dirname(dirname(process.execPath)),
    '/dev',
    '/proc',
    '/sys',
    '/etc',
    '/usr',
    '/lib',
    '/lib64',
    '/bin',
    '/sbin',
  ];
  const inside = (path, dir) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

  const check = (target, how) => {
    let path;
    if (typeof target === 'string') path = target;
    else if (target instanceof URL) path = target.protocol === 'file:' ? fileURLToPath(target) : null;
    else if (Buffer.isBuffer(target)) path = target.toString('latin1');
    if (!path) return; // a file descriptor: its open was checked
    const absolute = isAbsolute(path) ? resolve(path) : resolve(process.cwd(), path);
    if (allowed.some((dir) => inside(absolute, dir))) return;
    try {
      append(log, `${how} ${absolute} (pid ${process.pid}, ${process.argv.slice(1, 3).join(' ')})\n`);
    } catch {
      // the log is best effort: never break the run being observed
    }
  };

  const wrap = (object, name) => {
    const original = object[name];
    if (typeof original !== 'function') return;
    object[name] = function guarded(target, ...rest) {
      check(target, name);
      return original.call(this, target, ...rest);
    };
  };

  for (const name of ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream', 'readdirSync', 'readdir', 'opendirSync', 'opendir']) {
    wrap(fs, name);
  }
  for (const name of ['readFile', 'open', 'readdir', 'opendir']) wrap(fs.promises, name);
  // `import { readFileSync } from 'node:fs'` binds to the module's exports: update them too.
  syncBuiltinESMExports();
}
