/*
 * Builds an export by walking the API page by page (never one giant request), reporting how
 * far it got, and stopping between pages when cancelled. Keyset cursors keep the walk exact
 * while new events arrive: they are newer than the first page and are simply not included.
 */

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export interface Progress {
  done: number;
  /** The total the first page reported. */
  total: number;
}

export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelled';
  }
}

/** A page that fails for a passing reason (timeout, 503) is tried again this many times. */
const PAGE_RETRIES = 2;
const RETRY_WAIT_MS = 500;

async function fetchWithRetry<T>(fetchPage: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchPage();
    } catch (error) {
      const retryable = (error as { retryable?: unknown }).retryable === true;
      if (!retryable || attempt >= PAGE_RETRIES || signal.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_WAIT_MS * (attempt + 1)));
    }
  }
}

export async function collectPages<T>(options: {
  fetchPage: (cursor: string | null) => Promise<PageOf<T>>;
  /** The text of one item, including its line ending. */
  line: (item: T) => string;
  header?: string;
  onProgress: (progress: Progress) => void;
  signal: AbortSignal;
}): Promise<{ chunks: string[]; count: number }> {
  const { fetchPage, line, onProgress, signal } = options;
  const chunks: string[] = options.header ? [options.header] : [];
  let cursor: string | null = null;
  let count = 0;
  let total: number | null = null;
  do {
    if (signal.aborted) throw new ExportCancelled();
    const at = cursor;
    // One lost page must not throw away an export of 50,000 events.
    const page: PageOf<T> = await fetchWithRetry(() => fetchPage(at), signal);
    if (signal.aborted) throw new ExportCancelled();
    total ??= page.total;
    // One string per page keeps the number of Blob parts small for exports of 100,000 lines.
    chunks.push(page.items.map(line).join(''));
    count += page.items.length;
    onProgress({ done: count, total: Math.max(total, count) });
    cursor = page.nextCursor;
  } while (cursor);
  return { chunks, count };
}
