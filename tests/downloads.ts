/**
 * jsdom has no object URLs: keeps what the app would have downloaded, emptied before each
 * test of the file that calls this, instead of handing it to a browser.
 */
export function captureDownloads(): Blob[] {
  const downloads: Blob[] = [];
  const objectUrls = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  beforeEach(() => {
    downloads.length = 0;
    URL.createObjectURL = (blob: Blob) => {
      downloads.push(blob);
      return `blob:test/${downloads.length}`;
    };
    URL.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });
  afterEach(() => {
    URL.createObjectURL = objectUrls.create;
    URL.revokeObjectURL = objectUrls.revoke;
  });
  return downloads;
}
