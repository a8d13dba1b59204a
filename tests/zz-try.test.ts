import { it } from 'vitest';
import { documentFromText } from '../src/document.js';
import { extractFigures } from './helpers/figures.js';
it('try', () => {
  for (const t of (process.env.T ?? '').split('|')) {
    const fs = extractFigures(documentFromText(t, {}));
    console.log(t, '=>', fs.map((f) => `${f.raw} ${f.value}${f.unit ?? ''} [${f.interval?.lo},${f.interval?.hi}] ${f.kind} ph=${f.placeholder}`).join(' ; '));
  }
});
