/**
 * Preloaded into a test server (`node --require`): while the file named by SAHIFA_FAULT_FILE exists,
 * every read of the story index fails as a disk error would, so a test can see what readers get when
 * the content store breaks under a running server, and that it recovers once the fault is gone.
 * Nothing of the site knows about it: it patches better-sqlite3, which Next loads from node_modules.
 */
const fs = require('node:fs');
const Database = require('better-sqlite3');

const faultFile = process.env.SAHIFA_FAULT_FILE;
if (!faultFile) throw new Error('SAHIFA_FAULT_FILE is not set');

const Statement = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1'));
for (const method of ['get', 'all', 'iterate']) {
  const original = Statement[method];
  Statement[method] = function (...args) {
    if (fs.existsSync(faultFile))
      throw Object.assign(new Error('disk I/O error (injected by the test)'), { code: 'SQLITE_IOERR' });
    return original.apply(this, args);
  };
}
