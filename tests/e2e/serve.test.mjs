// scripts/serve.mjs without a browser: MIME types, CSP, gzip, ETags, mounts,
// no way out of the served folders, and port 0 from the command line.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import { CSP, serve } from '../../scripts/serve.mjs';
import { ROOT } from './helpers.mjs';

let server;
let tmp;

before(async () => {
  // A throwaway www/ and pkg/, so this test needs no wasm build.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bahth-serve-'));
  const www = path.join(tmp, 'www');
  const pkg = path.join(tmp, 'pkg');
  fs.mkdirSync(www);
  fs.mkdirSync(pkg);
  fs.writeFileSync(path.join(www, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(www, 'app.js'), 'export const x = 1;\n'.repeat(50));
  fs.writeFileSync(path.join(www, '.secret'), 'no');
  fs.writeFileSync(path.join(tmp, 'outside.txt'), 'no');
  fs.writeFileSync(path.join(pkg, 'bahth_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  server = await serve({ port: 0, www, pkg });
});
after(async () => {
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A raw request: the path is sent exactly as written (fetch would normalize ../). */
function get(rawPath, headers = {}) {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: rawPath, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('MIME types, CSP and nosniff', async () => {
  const page = await get('/');
  assert.equal(page.status, 200);
  assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(page.headers['content-security-policy'], CSP);
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  assert.equal((await get('/app.js')).headers['content-type'], 'text/javascript; charset=utf-8');
  const wasm = await get('/pkg/bahth_bg.wasm');
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers['content-type'], 'application/wasm');
});

test('gzip when accepted, identity otherwise; ETag revalidation', async () => {
  const zipped = await get('/app.js', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.equal(zlib.gunzipSync(zipped.body).toString(), 'export const x = 1;\n'.repeat(50));
  const plain = await get('/app.js');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers.vary, 'Accept-Encoding');
  const again = await get('/app.js', { 'if-none-match': plain.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
});

test('nothing outside the mounts, no hidden files', async () => {
  for (const p of ['/../outside.txt', '/%2e%2e/outside.txt', '/pkg/..%2f..%2foutside.txt', '/..%5coutside.txt',
    '/.secret', '/%00', '/pkg/../../outside.txt', '/nope.html', '/%E0%A4%A']) {
    assert.equal((await get(p)).status, 404, p);
  }
});

test('port 0 from the command line prints the real URL', async () => {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs')], { env: { ...process.env, PORT: '0' } });
  try {
    const line = await new Promise((resolve, reject) => {
      child.stdout.on('data', (d) => resolve(String(d)));
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const url = line.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
    assert.ok(url && Number(url[1]) > 0, line);
    assert.equal((await fetch(url[0])).status, 200);
  } finally {
    child.kill();
  }
});
