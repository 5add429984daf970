/**
 * Before the end-to-end tests: read the content the server was built from with the same
 * (unit-tested) file store, into a fresh index of its own, and write what the tests compare
 * pages against to one JSON file that every test worker loads.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFileStore } from '../../lib/content/file-store';
import { locales } from '../../lib/locales';
import { contentDir, snapshotFile, type ContentSnapshot } from './content-snapshot';

export default async function globalSetup() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-e2e-'));
  try {
    const store = createFileStore({
      dir: contentDir,
      indexFile: path.join(scratch, 'index.sqlite'),
      waitForScan: true,
      log: () => {},
    });
    await store.ready();
    const stories = [];
    for (const locale of locales) {
      const { total } = await store.latest(locale, 0, 0);
      for (const summary of (await store.latest(locale, 0, total)).items)
        stories.push((await store.story(locale, summary.slug))!);
    }
    const snapshot: ContentSnapshot = { stories, drafts: await store.drafts(), problems: await store.problems() };
    fs.mkdirSync(path.dirname(snapshotFile), { recursive: true });
    fs.writeFileSync(snapshotFile, JSON.stringify(snapshot));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
