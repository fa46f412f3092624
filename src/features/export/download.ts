/**
 * Saves a file through the browser's own download (a Blob and an <a download>): no round
 * trip to the relay, so it works offline and for maps kept on this device only.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL only after click() returns; a minute is plenty for a local blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A file name from the map's title: accents and spaces kept (every current system takes
 * them), characters no file system accepts replaced, never empty.
 */
export function fileName(title: string, suffix: string, ext: string, fallback = 'trame'): string {
  // eslint-disable-next-line no-control-regex
  const clean = title.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 80);
  const date = new Date().toISOString().slice(0, 10);
  return `${[clean || fallback, suffix, date].filter((s) => s !== '').join(' - ')}.${ext}`;
}
