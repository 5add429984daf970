/**
 * `npm run serve:wordpress`: Sahifa on a WordPress of its own, in one command. Debian's WordPress,
 * MariaDB and PHP (installed by scripts/setup.sh --with-wordpress when missing) run from .wordpress/,
 * the plugin is in place, the bundled stories are imported once (every edition, the pictures, the
 * draft), Sahifa is built from WordPress and served. Ctrl-C stops everything.
 *   PORT (Sahifa, default 3000), WORDPRESS_PORT (default 8080)
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { importStories, startLocalWordPress } from './wordpress/local-wordpress';

const port = Number(process.env.PORT ?? 3000);
const dir = path.resolve('.wordpress');
fs.mkdirSync(dir, { recursive: true });
const secretsFile = path.join(dir, 'sahifa-secrets.json');
const secrets = fs.existsSync(secretsFile)
  ? (JSON.parse(fs.readFileSync(secretsFile, 'utf8')) as { revalidate: string; preview: string })
  : { revalidate: crypto.randomBytes(32).toString('hex'), preview: crypto.randomBytes(32).toString('hex') };
fs.writeFileSync(secretsFile, JSON.stringify(secrets), { mode: 0o600 });

const sahifaUrl = `http://localhost:${port}`;
const wordpress = await startLocalWordPress({
  dir,
  sahifaUrl,
  revalidateSecret: secrets.revalidate,
  previewSecret: secrets.preview,
  webPort: Number(process.env.WORDPRESS_PORT ?? 8080),
  log: console.log,
});
const imported = path.join(dir, 'imported');
if (!fs.existsSync(imported)) {
  console.log('serve:wordpress: importing the bundled stories');
  const posts = importStories(wordpress, path.resolve('content'), path.resolve('public'));
  fs.writeFileSync(imported, `${Object.keys(posts).length} posts\n`);
}

const env = {
  ...process.env,
  CONTENT_SOURCE: 'wordpress',
  WORDPRESS_URL: wordpress.url,
  WORDPRESS_USER: wordpress.editorUser,
  WORDPRESS_APP_PASSWORD: wordpress.appPassword,
  REVALIDATE_SECRET: secrets.revalidate,
  PREVIEW_SECRET: secrets.preview,
  SITE_URL: process.env.SITE_URL ?? sahifaUrl,
  MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
};
const stopAll = () => {
  wordpress.stop();
  process.exit(0);
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

console.log('serve:wordpress: building Sahifa from WordPress');
if (spawnSync('npx', ['next', 'build'], { env, stdio: 'inherit' }).status !== 0) {
  wordpress.stop();
  process.exit(1);
}
const server = spawn(process.execPath, ['server.mjs', '--port', String(port)], { env, stdio: 'inherit' });
server.on('exit', (code) => {
  wordpress.stop();
  process.exit(code ?? 0);
});
console.log(`
serve:wordpress: Sahifa       ${sahifaUrl}/ar
                 WordPress    ${wordpress.url}/wp-admin/
                 log in as    editor / ${wordpress.editorPassword}   (administrator: admin / ${wordpress.adminPassword})
Write or edit a post (its category is the section; "Sahifa" fields in the post's custom fields), press
Preview to see it on Sahifa, publish it and reload ${sahifaUrl}/ar.`);
