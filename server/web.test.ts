import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressDir } from '../scripts/web-compress.js';
import { IMMUTABLE } from './app.js';
import { createTestApp, type TestApp } from './test/harness.js';

// The built web apps as the server sends them: a tree shaped like dist/web, compressed by the
// build's own step, served with the caching and encoding a browser gets.

let t: TestApp;
let webDir: string;
// Compressible, over the size below which no compressed copy is written.
const script = `console.log(${JSON.stringify('工会'.repeat(400))});\n`;
const shell = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body></body></html>\n`;

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(webDir, file)), { recursive: true });
  fs.writeFileSync(path.join(webDir, file), text);
}

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'unionhub-web-'));
  write('admin/index.html', shell('console'));
  write('admin/assets/index-Ab12Cd34.js', script);
  write('h5/index.html', shell('h5'));
  write('h5/assets/index-Ef56Gh78.css', `body{color:red}\n`.repeat(100));
  write('public/index.html', shell('landing') + ' '.repeat(2000));
  write('public/favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  for (const app of ['admin', 'h5', 'public']) await compressDir(path.join(webDir, app));
  t = await createTestApp({ webDir });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  t.request('GET', url, { headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

describe('compressed at build', () => {
  it('writes a brotli and a gzip copy that decode to the file, and none for a tiny file', () => {
    const file = path.join(webDir, 'admin/assets/index-Ab12Cd34.js');
    expect(brotliDecompressSync(fs.readFileSync(`${file}.br`)).toString()).toBe(script);
    expect(gunzipSync(fs.readFileSync(`${file}.gz`)).toString()).toBe(script);
    expect(fs.readFileSync(`${file}.br`).length).toBeLessThan(script.length / 5);
    expect(fs.existsSync(path.join(webDir, 'public/favicon.svg.br'))).toBe(false);
  });
});

describe('served precompressed', () => {
  it('GET a hashed asset with Accept-Encoding br → the brotli file, immutable for a year', async () => {
    const res = await get('/admin/assets/index-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    // Never revalidated, so no validators to send.
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['last-modified']).toBeUndefined();
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('GET with Accept-Encoding gzip only → the gzip file', async () => {
    const res = await get('/h5/assets/index-Ef56Gh78.css', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(res.rawPayload).toString()).toBe(`body{color:red}\n`.repeat(100));
  });

  it('GET without Accept-Encoding, or refusing both → the plain file', async () => {
    for (const encoding of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const res = await get('/admin/assets/index-Ab12Cd34.js', encoding);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body).toBe(script);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
    }
  });

  it('the compressed copies are not addresses of their own; a missing asset is 404', async () => {
    expect((await get('/admin/assets/index-Ab12Cd34.js.br', 'br')).statusCode).toBe(404);
    expect((await get('/admin/assets/index-00000000.js', 'br')).statusCode).toBe(404);
  });
});

describe('HTML is revalidated on every load', () => {
  it.each([
    ['/admin/', 'console'],
    ['/admin/members', 'console'],
    ['/h5/', 'h5'],
    ['/h5/cases/12', 'h5'],
    ['/', 'landing'],
  ])('GET %s → the shell with Cache-Control no-cache', async (url, title) => {
    const res = await get(url, 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const body = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload).toString() : res.body;
    expect(body).toContain(`<title>${title}</title>`);
  });

  it('the landing page is sent compressed, and a file outside assets/ (the logo) is revalidated too', async () => {
    expect((await get('/', 'br')).headers['content-encoding']).toBe('br');
    const logo = await get('/favicon.svg', 'br');
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['cache-control']).toBe('no-cache');
    // Revalidated with a validator, answered 304 while unchanged.
    expect(logo.headers.etag).toBeTruthy();
    const again = await t.request('GET', '/favicon.svg', { headers: { 'if-none-match': String(logo.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });
});

describe('security headers by kind of file', () => {
  it('a hashed script or style carries nosniff, CORP and HSTS but no document policy; pages keep theirs', async () => {
    for (const url of ['/admin/assets/index-Ab12Cd34.js', '/h5/assets/index-Ef56Gh78.css']) {
      const res = await get(url, 'br');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(res.headers['content-security-policy']).toBeUndefined();
      expect(res.headers['x-frame-options']).toBeUndefined();
    }
    for (const url of ['/admin/', '/h5/', '/', '/favicon.svg', '/api/health']) {
      const res = await get(url);
      expect(res.headers['content-security-policy'], url).toMatch(/default-src 'self'/);
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
    }
  });
});
