#!/usr/bin/env node
// Compile many .ink files with inkjs's compiler in one process (starting node per mutant would cost
// more than the compile). Reads one JSON request per stdin line: {"in": PATH, "out": PATH}; writes one
// JSON reply per line: {"ok": bool, "errors": [...], "warnings": [...]}. Same compiler and options as
// ../shared/tools/inkjs/compile.js; run with NODE_PATH pointing at the inkjs that script installed.
const path = require('path'), fs = require('fs'), readline = require('readline');
const { Compiler, CompilerOptions } = require('inkjs/full');
const { PosixFileHandler } = require('inkjs/compiler/FileHandler/PosixFileHandler');
const { ErrorType } = require('inkjs/engine/Error');

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const req = JSON.parse(line);
  const errors = [], warnings = [];
  const opts = new CompilerOptions(null, [], false, (msg, type) => {
    (type === ErrorType.Error ? errors : warnings).push(msg);
  }, new PosixFileHandler(path.dirname(path.resolve(req.in))));
  let story = null;
  try {
    const c = new Compiler(fs.readFileSync(req.in, 'utf8').replace(/^\uFEFF/, ''), opts);
    story = c.Compile();
    if (story && errors.length === 0) fs.writeFileSync(req.out, story.ToJson());
  } catch (e) { errors.push('exception: ' + String(e)); }
  process.stdout.write(JSON.stringify({ ok: !!story && errors.length === 0, errors, warnings }) + '\n');
});
