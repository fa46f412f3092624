import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a first visit downloads before the app runs: the module script index.html loads, its
 * stylesheets and the chunks it preloads, each gzipped at level 9 (what a server's static
 * gzip would send). Lazy chunks (side panels, analysis, export) are not counted.
 */
export interface Asset {
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

const TAG = /<(script|link)\b[^>]*>/gi;
const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];

/** The asset paths index.html loads up front, in document order. */
export function firstLoadPaths(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(TAG)) {
    const tag = m[0];
    if (m[1]!.toLowerCase() === 'script') {
      const src = attr(tag, 'src');
      if (src && attr(tag, 'type') === 'module') out.push(src);
    } else {
      const rel = attr(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
      const href = attr(tag, 'href');
      if (href && (rel.includes('stylesheet') || rel.includes('modulepreload'))) out.push(href);
    }
  }
  return [...new Set(out)];
}

export function firstLoadAssets(distDir: string): Asset[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  return firstLoadPaths(html).map((p) => {
    const data = readFileSync(join(distDir, p.replace(/^\//, '').split('?')[0]!));
    return { path: p, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
  });
}
