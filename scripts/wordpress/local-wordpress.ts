/**
 * A WordPress of our own on this machine, for `npm run serve:wordpress` and the tests: Debian's
 * `wordpress` package copied into a folder, a private MariaDB (its own data folder, port and socket;
 * the system's is not touched), PHP's built-in server with several workers, and Sahifa's plugin as a
 * must-use plugin. Everything on 127.0.0.1, on free ports, stopped by `stop()`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { locales } from '../../lib/locales';
import { markdownToHtml } from '../../lib/content/markdown';
import { parseStoryFile } from '../../lib/content/parse';
import { sections } from '../../lib/sections';
import { freePort } from '../shared/free-port';

const DEBIAN_WORDPRESS = '/usr/share/wordpress';
// Run from the project's folder (npm scripts, the tests).
const HERE = path.resolve('scripts', 'wordpress');
const PLUGIN = path.resolve('integrations', 'wordpress', 'sahifa.php');

export interface LocalWordPress {
  url: string;
  dir: string;
  wordpressDir: string;
  adminPassword: string;
  editorUser: string;
  editorPassword: string;
  appPassword: string;
  /** The administrator's Application Password. */
  adminAppPassword: string;
  /** Runs a PHP file with WordPress loaded (the first argument is WordPress's folder). */
  php(script: string, ...args: string[]): string;
  stopWeb(): void;
  startWeb(): Promise<void>;
  stop(): void;
}

export interface LocalWordPressOptions {
  /** Where WordPress, its database and its uploads live; reused when it already holds them. */
  dir: string;
  sahifaUrl: string;
  revalidateSecret: string;
  previewSecret: string;
  /** Fixed ports (serve:wordpress); free ones otherwise. */
  webPort?: number;
  log?: (line: string) => void;
}

export function missingPackages(): string[] {
  const needs: [string, string][] = [
    ['wordpress', `${DEBIAN_WORDPRESS}/wp-load.php`],
    ['mariadb-server', '/usr/sbin/mariadbd'],
    ['php-cli', '/usr/bin/php'],
  ];
  const missing = needs.filter(([, file]) => !fs.existsSync(file)).map(([name]) => name);
  if (fs.existsSync('/usr/bin/php') && !execFileSync('php', ['-m'], { encoding: 'utf8' }).includes('mysqli'))
    missing.push('php-mysql');
  return missing;
}

async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  child: ChildProcess | undefined,
  timeoutMs = 30_000,
) {
  const started = Date.now();
  while (!(await Promise.resolve(check()).catch(() => false))) {
    if (child && child.exitCode !== null) throw new Error(`${what}: the process exited (${child.exitCode})`);
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(100);
  }
}

function wpConfig({
  dbPort,
  url,
  options,
  salt,
}: {
  dbPort: number;
  url: string;
  options: LocalWordPressOptions;
  salt: string;
}) {
  const constants: Record<string, string> = {
    DB_NAME: 'wordpress',
    DB_USER: 'wp',
    DB_PASSWORD: 'wp',
    DB_HOST: `127.0.0.1:${dbPort}`,
    DB_CHARSET: 'utf8mb4',
    DB_COLLATE: '',
    WP_HOME: url,
    WP_SITEURL: url,
    // Application Passwords over plain http on this machine.
    WP_ENVIRONMENT_TYPE: 'local',
    FS_METHOD: 'direct',
    SAHIFA_URL: options.sahifaUrl,
    SAHIFA_REVALIDATE_SECRET: options.revalidateSecret,
    SAHIFA_PREVIEW_SECRET: options.previewSecret,
  };
  for (const name of [
    'AUTH_KEY',
    'SECURE_AUTH_KEY',
    'LOGGED_IN_KEY',
    'NONCE_KEY',
    'AUTH_SALT',
    'SECURE_AUTH_SALT',
    'LOGGED_IN_SALT',
    'NONCE_SALT',
  ])
    constants[name] = `${salt}-${name}`;
  const defines = Object.entries(constants).map(
    ([name, value]) => `define(${JSON.stringify(name)}, ${JSON.stringify(value)});`,
  );
  return `<?php\n// Written by scripts/wordpress/local-wordpress.ts at each start.\n${defines.join('\n')}\n$table_prefix = 'wp_';\nif (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');\nrequire_once ABSPATH . 'wp-settings.php';\n`;
}

export async function startLocalWordPress(options: LocalWordPressOptions): Promise<LocalWordPress> {
  const log = options.log ?? (() => {});
  const dir = path.resolve(options.dir);
  const dataDir = path.join(dir, 'mysql');
  const socket = path.join(dir, 'mysqld.sock');
  const wordpressDir = path.join(dir, 'wordpress');
  fs.mkdirSync(dir, { recursive: true });
  const secretsFile = path.join(dir, 'secrets.json');
  const secrets = fs.existsSync(secretsFile)
    ? (JSON.parse(fs.readFileSync(secretsFile, 'utf8')) as {
        adminPassword: string;
        editorPassword: string;
        salt: string;
      })
    : {
        adminPassword: crypto.randomBytes(9).toString('base64url'),
        editorPassword: crypto.randomBytes(9).toString('base64url'),
        salt: crypto.randomBytes(24).toString('hex'),
      };
  fs.writeFileSync(secretsFile, JSON.stringify(secrets), { mode: 0o600 });

  if (!fs.existsSync(path.join(dataDir, 'mysql'))) {
    log('wordpress: creating a private MariaDB data folder');
    execFileSync(
      'mariadb-install-db',
      [`--datadir=${dataDir}`, '--user=root', '--skip-test-db', '--auth-root-authentication-method=socket'],
      { stdio: 'ignore' },
    );
  }
  const dbPort = await freePort();
  const database = spawn(
    '/usr/sbin/mariadbd',
    [
      `--datadir=${dataDir}`,
      `--port=${dbPort}`,
      '--bind-address=127.0.0.1',
      `--socket=${socket}`,
      `--pid-file=${path.join(dir, 'mysqld.pid')}`,
      '--user=root',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=64M',
    ],
    { stdio: ['ignore', 'ignore', fs.openSync(path.join(dir, 'mariadb.log'), 'a')], detached: true },
  );
  const sql = (statement: string) =>
    execFileSync('mariadb', [`--socket=${socket}`, '-u', 'root', '-e', statement], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  await until('MariaDB', async () => (sql('SELECT 1'), true), database);
  sql(
    "CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4; CREATE USER IF NOT EXISTS 'wp'@'127.0.0.1' IDENTIFIED BY 'wp'; GRANT ALL ON wordpress.* TO 'wp'@'127.0.0.1';",
  );

  if (!fs.existsSync(path.join(wordpressDir, 'wp-load.php'))) {
    log('wordpress: copying Debian’s WordPress');
    // Dereferenced: Debian's copy links to /etc/wordpress and to system libraries.
    execFileSync('cp', ['-rL', DEBIAN_WORDPRESS, wordpressDir]);
    fs.rmSync(path.join(wordpressDir, '.htaccess'), { force: true });
  }
  fs.mkdirSync(path.join(wordpressDir, 'wp-content', 'mu-plugins'), { recursive: true });
  fs.mkdirSync(path.join(wordpressDir, 'wp-content', 'uploads'), { recursive: true });
  fs.copyFileSync(PLUGIN, path.join(wordpressDir, 'wp-content', 'mu-plugins', 'sahifa.php'));

  const webPort = options.webPort ?? (await freePort());
  const url = `http://127.0.0.1:${webPort}`;
  fs.writeFileSync(path.join(wordpressDir, 'wp-config.php'), wpConfig({ dbPort, url, options, salt: secrets.salt }));
  const php = (script: string, ...args: string[]) =>
    execFileSync('php', [script, wordpressDir, ...args], { encoding: 'utf8', cwd: wordpressDir });
  const installed = JSON.parse(
    php(path.join(HERE, 'install.php'), secrets.adminPassword, secrets.editorPassword, sections.join(','))
      .trim()
      .split('\n')
      .pop()!,
  ) as {
    appPassword: string;
    adminAppPassword: string;
  };

  let web: ChildProcess | undefined;
  const startWeb = async () => {
    web = spawn('php', ['-S', `127.0.0.1:${webPort}`, '-t', wordpressDir], {
      cwd: wordpressDir,
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: ['ignore', 'ignore', fs.openSync(path.join(dir, 'php.log'), 'a')],
      detached: true,
    });
    await until(
      'WordPress',
      async () => (await fetch(`${url}/?rest_route=/`, { signal: AbortSignal.timeout(2000) })).ok,
      web,
    );
  };
  const kill = (child: ChildProcess | undefined) => {
    try {
      if (child?.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // gone already
    }
  };
  await startWeb();
  log(`wordpress: ${url}/wp-admin/ (admin / ${secrets.adminPassword}, editor / ${secrets.editorPassword})`);
  return {
    url,
    dir,
    wordpressDir,
    adminPassword: secrets.adminPassword,
    editorUser: 'editor',
    editorPassword: secrets.editorPassword,
    appPassword: installed.appPassword,
    adminAppPassword: installed.adminAppPassword,
    php,
    stopWeb: () => kill(web),
    startWeb,
    stop() {
      kill(web);
      kill(database);
    },
  };
}

/** Story files as WordPress posts to import: the bundled stories (every edition, pictures, drafts) or a test's. */
export function storiesForImport(contentDir: string, publicDir: string) {
  const stories = [];
  for (const key of fs.readdirSync(path.join(contentDir, 'stories')).sort()) {
    for (const locale of locales) {
      const file = path.join(contentDir, 'stories', key, `${locale}.md`);
      if (!fs.existsSync(file)) continue;
      const { story } = parseStoryFile(fs.readFileSync(file, 'utf8'), { slug: key, locale, file });
      if (!story) continue;
      stories.push({
        key,
        locale,
        title: story.title,
        summary: story.summary,
        html: markdownToHtml(story.body),
        section: story.section,
        tags: story.tags,
        authors: story.authors ?? [],
        sources: story.sources,
        status: story.status,
        dateGmt: story.publishedAt.toISOString().slice(0, 19).replace('T', ' '),
        image: story.image
          ? {
              file: path.resolve(publicDir, `.${story.image.src}`),
              alt: story.image.alt,
              caption: story.image.caption,
              credit: story.image.credit,
            }
          : undefined,
      });
    }
  }
  return stories;
}

/** Imports story files into the WordPress; the post ID of each `key/locale`. */
export function importStories(
  wordpress: LocalWordPress,
  contentDir: string,
  publicDir: string,
): Record<string, number> {
  const file = path.join(wordpress.dir, 'import.json');
  fs.writeFileSync(file, JSON.stringify(storiesForImport(contentDir, publicDir)));
  return (
    JSON.parse(wordpress.php(path.join(HERE, 'import.php'), file).trim().split('\n').pop()!) as {
      posts: Record<string, number>;
    }
  ).posts;
}
