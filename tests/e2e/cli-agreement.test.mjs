// `bahth search --json` and the wasm `search` must return the same thing for
// the same query: every golden query, compared as parsed JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkgDir = path.join(root, 'www/pkg');

test('CLI --json and wasm search agree on every golden query', async () => {
  const cli = path.join(root, 'target/debug/bahth');
  if (!fs.existsSync(cli)) execFileSync('cargo', ['build', '--quiet', '--bin', 'bahth'], { cwd: root });
  const pkg = await import(path.join(pkgDir, 'bahth.js'));
  pkg.initSync({ module: fs.readFileSync(path.join(pkgDir, 'bahth_bg.wasm')) });

  const rows = fs.readFileSync(path.join(root, 'tests/golden/queries.tsv'), 'utf8').split('\n').slice(1);
  const queries = rows.filter((r) => r.trim()).map((r) => r.split('\t')[1]);
  assert.ok(queries.length >= 60);
  for (const query of queries) {
    const fromCli = JSON.parse(execFileSync(cli, ['search', '--json', '--limit', '100', '--', query], { encoding: 'utf8' }));
    // took_ms is the CLI's own timing: a number, not part of the answer.
    assert.equal(typeof fromCli.took_ms, 'number');
    delete fromCli.took_ms;
    const fromWasm = pkg.search(query, { limit: 100, offset: 0 });
    assert.deepEqual(fromWasm, fromCli, `query ${JSON.stringify(query)}`);
  }
});
