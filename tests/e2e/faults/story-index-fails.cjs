/**
 * Preloaded into a test server (`node --require`): while the file named by SAHIFA_FAULT_FILE exists,
 * every read of the story index fails as a disk error would, so a test can see what readers get when
 * the content store breaks under a running server, and that it recovers once the fault is gone.
 * Nothing of the site knows about it: it patches node:sqlite's statements, which every module shares.
 */
const fs = require('node:fs');
const { StatementSync } = require('node:sqlite');

const faultFile = process.env.SAHIFA_FAULT_FILE;
if (!faultFile) throw new Error('SAHIFA_FAULT_FILE is not set');

for (const method of ['get', 'all', 'iterate']) {
  const original = StatementSync.prototype[method];
  StatementSync.prototype[method] = function (...args) {
    if (fs.existsSync(faultFile))
      throw Object.assign(new Error('disk I/O error (injected by the test)'), { code: 'SQLITE_IOERR' });
    return original.apply(this, args);
  };
}
