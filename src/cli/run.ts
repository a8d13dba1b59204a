// The executable entry (bin/figcheck.js runs the bundle of this file). No top-level await: the bundle is
// CommonJS, for V8's code cache (bin/code-cache.cjs).
import { main } from './main.js';
import { settleBeforeOptimizing } from './tiering.js';

settleBeforeOptimizing();
void main(process.argv).then((code) => {
  process.exitCode = code;
});
