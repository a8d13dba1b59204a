/**
 * Property tests run with one fixed seed, so `npm test` gives the same answer on every run: a property that
 * fails by chance one run in ten is a flaky test, however real the bug it found. To explore further, run
 * with FIGCHECK_FC_SEED=<number> (or `random`); a failure prints its seed and path to replay it.
 */
import fc from 'fast-check';

const chosen = process.env.FIGCHECK_FC_SEED;
if (chosen !== 'random') fc.configureGlobal({ seed: chosen ? Number(chosen) : 20261205 });
