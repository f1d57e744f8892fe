import { describe, expect, it } from 'vitest';
import { generateAnswer } from '../../src/core/massive/generate/index.ts';
import { conversation } from '../support/conversation.ts';

/** Each writer, reached through the prompt that routes to it, with what only it writes. */
const WRITERS: ReadonlyArray<readonly [string, string, RegExp]> = [
  [
    'recommendation',
    'best noise cancelling headphones under $250',
    /Halcyn|Corvex|Lumora|Quillon|Veyra|Brightforge|Nimbral|Oltaro/,
  ],
  ['guide', 'best beaches in Portugal', /^### .*Types of beaches in Portugal$/m],
  ['definition', 'what is kubernetes', /\*\*Kubernetes\*\*/],
  ['who-is', 'who is Marie Curie', /What profiles of Marie Curie usually cover/],
  [
    'factual',
    'where is machu picchu',
    /reliable answer about \*\*Machu Picchu\*\*|question about \*\*Machu Picchu\*\*/,
  ],
  ['howto', 'how to unclog a drain', /^1\. \*\*|^### 1\. /m],
  ['comparison', 'kindle vs kobo', /^\| Feature \| Kindle \| Kobo \|$/m],
  ['news', 'ai regulation news today', /What coverage of AI regulation focuses on/],
  ['weather', 'weather in Chicago this weekend', /weather outlook for \*\*Chicago\*\*/],
  ['explain', 'why do cats purr', /Step by step/],
  ['question', 'does creatine work', /“Does creatine work\?”/],
  ['general', 'history of the internet', /history of the internet/i],
  ['clarify', '?!?!...', /Here are a few things I can help with:/],
];

describe('each writer', () => {
  for (const [writer, prompt, marker] of WRITERS) {
    it(`${writer} answers "${prompt}" in its own shape, on every seed`, () => {
      for (let seed = 0; seed < 12; seed++) {
        const { markdown } = generateAnswer(conversation(prompt), seed);
        expect(markdown, `${writer} #${seed}`).toMatch(marker);
      }
    });
  }

  it('keeps recommendation picks, their table and the ads under one name each', () => {
    for (let seed = 0; seed < 30; seed++) {
      const answer = generateAnswer(conversation('best standing desks under $500'), seed);
      for (const ad of answer.ads) {
        expect(answer.markdown, `#${seed}`).toContain(ad.advertiser);
        expect(Number(ad.price?.replace(/[$,]/g, '') ?? 0), `#${seed}`).toBeLessThan(500);
      }
    }
  });
});
