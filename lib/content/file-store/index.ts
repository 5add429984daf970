/**
 * The embedded content source: one folder per story, one Markdown file per edition, indexed into
 * SQLite (`./story-index.ts`). The whole folder is compared with the index a batch at a time,
 * yielding between batches, so a scan never holds up a request; the publish hook re-reads only the
 * stories it names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isLocale, locales, type Locale } from '../../locales';
import { displayPath, formatProblem, normalizeSlug, parseStoryFile, renderStory, type ParsedStory } from '../parse';
import { parseLivePostFile, type ParsedLivePost } from '../live';
import { applyStory, readModel } from '../read-model';
import { StoryIndex, type FileStamp } from '../story-index';
import type { ContentProblem, ContentSource, ReloadedStory, Story } from '../types';
import { withScanLock } from './scan-lock';
import { log as serverLog } from '../../ops/log.mjs';

export interface FileStoreOptions {
  /** The folder holding `stories/`. */
  dir: string;
  /** The SQLite file of the index. */
  indexFile: string;
  /**
   * Whether `ready()` waits for the scan that checks the index against the folder. A server that
   * already has an index serves from it at once and scans behind; a build must see every file.
   */
  waitForScan: boolean;
  /** Where problems go (the server log's errors). */
  log?: (line: string) => void;
  /** Where the store says what it did. */
  info?: (line: string) => void;
}

/** Folders examined, and files read, between two yields to waiting requests (a few milliseconds). */
const BATCH = 25;
/**
 * The same for an index that does not know the folder yet: no request is answered from it before the
 * scan ends (`ready` waits), and each commit costs the search tables a segment to write and merge, so
 * a first scan commits less often (10,000 stories: 25 s in batches of 25, 18 s in batches of 200).
 */
const FIRST_SCAN_BATCH = 200;
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

interface StoryFile {
  slug: string;
  locale: Locale;
  /** `{slug}/{locale}.md`, or `{slug}/live/{locale}/{id}.md` for a live post: the file's key in the index. */
  key: string;
  file: string;
  /** A live post's id; none for the story's own file. */
  postId?: string;
}

type FileRead =
  | { state: 'gone' }
  | { state: 'read'; stamp: FileStamp; story?: ParsedStory | null; post?: ParsedLivePost | null; problems: ContentProblem[] };

/** The file a key of the index names, whichever kind it is. */
function fileOfKey(storiesDir: string, key: string): StoryFile {
  const [slug, first, locale, name] = key.split('/');
  if (first === 'live') return liveFile(storiesDir, slug, locale as Locale, name.slice(0, -3));
  return { slug, locale: first.slice(0, -3) as Locale, key, file: path.join(storiesDir, key) };
}

function liveFile(storiesDir: string, slug: string, locale: Locale, postId: string): StoryFile {
  const key = `${slug}/live/${locale}/${postId}.md`;
  return { slug, locale, key, file: path.join(storiesDir, key), postId };
}

/**
 * Reads are synchronous, a batch at a time between yields: a file costs tens of microseconds this
 * way against several trips through the thread pool, and parsing blocks the loop either way.
 */
function readStoryFile(target: StoryFile, known?: FileStamp): FileRead {
  let stamp = known;
  let raw: string;
  try {
    if (!stamp) {
      const stats = fs.statSync(target.file);
      stamp = { mtime: stats.mtimeMs, size: stats.size };
    }
    raw = fs.readFileSync(target.file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'gone' };
    return { state: 'read', stamp: stamp ?? { mtime: 0, size: -1 }, story: null, problems: [{ path: displayPath(target.file), field: '(file)', message: `cannot read: ${(error as Error).message}` }] };
  }
  if (target.postId !== undefined) return { state: 'read', stamp, ...parseLivePostFile(raw, { ...target, id: target.postId }) };
  return { state: 'read', stamp, ...parseStoryFile(raw, target) };
}

/**
 * Whether the index's copy of a file is current: unchanged on disk, and not a post refused for its time that may be due
 * now.
 */
function unchanged(target: StoryFile, known: FileStamp | undefined, stamp: FileStamp | undefined): boolean {
  return Boolean(known && stamp && known.mtime === stamp.mtime && known.size === stamp.size && !(target.postId && known.broken));
}

function statStamp(file: string): FileStamp | undefined {
  try {
    const stats = fs.statSync(file);
    return { mtime: stats.mtimeMs, size: stats.size };
  } catch {
    return undefined;
  }
}

/** One story file read now, draft or published: for preview and the editors' tools, no index needed. */
export function readStoryNow(dir: string, locale: Locale, slug: string): Promise<Story | undefined> {
  const read = readStoryFile({ slug, locale, key: `${slug}/${locale}.md`, file: path.join(dir, 'stories', slug, `${locale}.md`) });
  return Promise.resolve(read.state === 'read' && read.story ? renderStory(read.story) : undefined);
}

export function createFileStore({
  dir,
  indexFile,
  waitForScan,
  log = (line) => serverLog().error('content.problem', line),
  info = (line) => serverLog().info('content.scanned', line),
}: FileStoreOptions): ContentSource {
  const storiesDir = path.join(dir, 'stories');
  const index = new StoryIndex(indexFile);
  const storyFile = (slug: string, locale: Locale): StoryFile => ({ slug, locale, key: `${slug}/${locale}.md`, file: path.join(storiesDir, slug, `${locale}.md`) });

  /**
   * Takes one file's state into the index. A file that fails keeps its last good version listed. Says
   * whether a live post changed.
   */
  function apply(target: StoryFile, read: FileRead): boolean {
    let postChanged = false;
    if (read.state === 'gone') {
      if (target.postId === undefined) index.remove(target);
      else postChanged = index.removeLivePost(target.locale, target.slug, target.postId);
      index.dropFile(target.key);
      return postChanged;
    }
    for (const problem of read.problems) log(`[content] ${formatProblem(problem)}`);
    if (read.story) index.put(read.story);
    if (read.post) postChanged = index.putLivePost(read.post);
    index.setFile(target.key, read.stamp, read.problems);
    return postChanged;
  }

  /** A live story's post files (`live/{edition}/{id}.md`), and what is misplaced there. */
  function examineLiveFolder(slug: string, folderPath: string): { files: StoryFile[]; problems: ContentProblem[] } {
    const files: StoryFile[] = [];
    const problems: ContentProblem[] = [];
    let editionsFound: string[];
    try {
      editionsFound = fs.readdirSync(path.join(folderPath, 'live'));
    } catch (error) {
      return { files, problems: [{ path: displayPath(path.join(folderPath, 'live')), field: '(folder)', message: `cannot read: ${(error as Error).message}` }] };
    }
    for (const edition of editionsFound) {
      const editionPath = path.join(folderPath, 'live', edition);
      if (!isLocale(edition)) {
        problems.push({ path: displayPath(editionPath), field: '(locale)', message: `a live page's posts go in live/{edition}/: one of ${locales.join(', ')}` });
        continue;
      }
      let names: string[] = [];
      try {
        names = fs.readdirSync(editionPath);
      } catch (error) {
        problems.push({ path: displayPath(editionPath), field: '(folder)', message: `cannot read: ${(error as Error).message}` });
      }
      for (const name of names) if (name.endsWith('.md')) files.push(liveFile(storiesDir, slug, edition, name.slice(0, -3)));
    }
    return { files, problems };
  }

  /** The story files in one folder of `stories/`, and what is wrong with the folder itself. */
  function examineFolder(name: string): { files: StoryFile[]; problems: ContentProblem[] } {
    const folderPath = path.join(storiesDir, name);
    const slug = normalizeSlug(name);
    if (!slug) {
      return { files: [], problems: [{ path: displayPath(folderPath), field: '(slug)', message: 'folder name must be letters or digits joined by single hyphens, at most 120 characters' }] };
    }
    let names: string[];
    try {
      names = fs.readdirSync(folderPath);
    } catch (error) {
      return { files: [], problems: [{ path: displayPath(folderPath), field: '(folder)', message: `cannot read: ${(error as Error).message}` }] };
    }
    const files: StoryFile[] = [];
    const problems: ContentProblem[] = [];
    if (names.includes('live')) {
      const live = examineLiveFolder(slug, folderPath);
      files.push(...live.files);
      problems.push(...live.problems);
    }
    for (const file of names) {
      if (!file.endsWith('.md')) continue;
      const locale = file.slice(0, -3);
      if (isLocale(locale)) files.push(storyFile(slug, locale));
      else problems.push({ path: displayPath(path.join(folderPath, file)), field: '(locale)', message: `file name must be one of ${locales.map((l) => `${l}.md`).join(', ')}` });
    }
    return { files, problems };
  }

  async function scan(): Promise<{ changed: number; removed: number }> {
    let entries;
    try {
      entries = fs.readdirSync(storiesDir, { withFileTypes: true });
    } catch (error) {
      const problem = { path: displayPath(storiesDir), field: '(folder)', message: `cannot read the stories folder: ${(error as Error).message}` };
      log(`[content] ${formatProblem(problem)}`);
      index.replaceFolderProblems([problem]);
      return { changed: 0, removed: 0 };
    }
    const folders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name);
    progress = { scanning: true, examined: 0, found: folders.length };
    const seen = new Set<string>();
    const folderProblems: ContentProblem[] = [];
    let changed = 0;
    const batch = index.meta('scanned') === dir ? BATCH : FIRST_SCAN_BATCH;
    for (let start = 0; start < folders.length; start += batch) {
      const examined = folders.slice(start, start + batch).map(examineFolder);
      folderProblems.push(...examined.flatMap((folder) => folder.problems));
      index.transaction(() => {
        for (const file of examined.flatMap((folder) => folder.files)) {
          seen.add(file.key);
          const stamp = statStamp(file.file);
          if (unchanged(file, index.stamp(file.key), stamp)) continue;
          apply(file, stamp ? readStoryFile(file, stamp) : { state: 'gone' });
          changed++;
        }
      });
      progress.examined = Math.min(start + batch, folders.length);
      await yieldToRequests();
    }
    const gone = index.filePaths().filter((key) => !seen.has(key));
    index.transaction(() => {
      for (const key of gone) apply(fileOfKey(storiesDir, key), { state: 'gone' });
      index.replaceFolderProblems(folderProblems);
    });
    for (const problem of folderProblems) log(`[content] ${formatProblem(problem)}`);
    index.setMeta('scanned', dir);
    progress.scanning = false;
    return { changed, removed: gone.length };
  }

  /** A story's live post files that changed since the index read them, and the ones gone from the folder. */
  function readLivePosts(slug: string): { target: StoryFile; read: FileRead }[] {
    const onDisk = fs.existsSync(path.join(storiesDir, slug, 'live')) ? examineLiveFolder(slug, path.join(storiesDir, slug)).files : [];
    const present = new Set(onDisk.map((file) => file.key));
    const gone = index
      .filePathsUnder(`${slug}/live/`)
      .filter((key) => !present.has(key))
      .map((key) => fileOfKey(storiesDir, key));
    const changed = onDisk.flatMap((target) => {
      const stamp = statStamp(target.file);
      return unchanged(target, index.stamp(target.key), stamp) ? [] : [{ target, read: stamp ? readStoryFile(target, stamp) : ({ state: 'gone' } as const) }];
    });
    return [...changed, ...gone.map((target) => ({ target, read: { state: 'gone' } as const }))];
  }

  let progress = { scanning: false, examined: 0, found: 0 };
  const scanStarted = performance.now();
  const firstScan = withScanLock(`${indexFile}.lock`, scan).then((result) => {
    if (result) info(`[content] index checked against ${displayPath(storiesDir)} in ${((performance.now() - scanStarted) / 1000).toFixed(1)} s: ${result.changed} files read, ${result.removed} removed`);
    return result;
  });
  // A server with an index of this folder serves from it while the scan catches up behind.
  const ready = waitForScan || index.meta('scanned') !== dir ? firstScan.then(() => undefined) : Promise.resolve();
  firstScan.catch((error) => log(`[content] scanning ${displayPath(storiesDir)} failed: ${(error as Error).message}`));

  return {
    ready: () => ready,
    ...readModel(index, () => ready),
    draft: (locale, slug) => readStoryNow(dir, locale, slug),

    async reload(slugs) {
      await ready;
      const reloaded: ReloadedStory[] = [];
      for (const slug of slugs) {
        const targets = locales.map((locale) => storyFile(slug, locale));
        const reads = new Map(targets.map((target) => [target.locale, { target, read: readStoryFile(target) }]));
        const liveReads = readLivePosts(slug);
        const changed = applyStory(
          index,
          slug,
          locales.map((locale) => ({ locale, keep: true })),
          ({ locale }) => {
            const { target, read } = reads.get(locale)!;
            apply(target, read);
          },
          () => [...new Set(liveReads.filter(({ target, read }) => apply(target, read)).map(({ target }) => target.locale))],
        );
        const problems = [...reads.values(), ...liveReads].flatMap(({ read }) => (read.state === 'read' ? read.problems : []));
        reloaded.push({ ...changed, problems });
      }
      return reloaded;
    },

    scanProgress: () => ({ ...progress }),

    async rescan() {
      await ready;
      return (await withScanLock(`${indexFile}.lock`, scan)) ?? { changed: 0, removed: 0 };
    },
  };
}
