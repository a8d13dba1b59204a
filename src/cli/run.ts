// The executable entry (bin/figcheck.js imports the compiled form of this file).
import { main } from './main.js';

process.exitCode = await main(process.argv);
