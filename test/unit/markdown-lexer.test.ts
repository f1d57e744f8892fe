import { Lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { generateAnswer } from '../../src/core/massive/generate/index.ts';
import { lexGenerated } from '../../src/core/massive/generate/markdown-lexer.ts';
import type { Model } from '../../src/core/massive/conversation.ts';
import { PROMPTS } from '../content/corpus.ts';
import { conversation } from '../support/conversation.ts';

// Spread: marked's array also carries the link definitions it found (none in these forms).
const marked = (markdown: string) => [...Lexer.lex(markdown, { gfm: true })];
const MODELS: Model[] = ['chatgpt', 'gemini', 'perplexity', 'copilot'];

describe('the lexer of generated Markdown', () => {
  it("gives marked's tokens for every answer of the content corpus, and reads nearly all of them", () => {
    let read = 0;
    let answers = 0;
    for (const language of [null, 'es', 'fr', 'de'])
      for (const [m, model] of MODELS.entries())
        for (const [i, prompt] of PROMPTS.entries()) {
          const { markdown } = generateAnswer(conversation(prompt, model, { language }), i * 7 + m);
          answers++;
          const tokens = lexGenerated(markdown);
          if (!tokens) continue;
          read++;
          expect(tokens, markdown).toEqual(marked(markdown));
        }
    // Left to marked, an answer costs a start its first lexing; all but a few must be read here.
    expect(read / answers).toBeGreaterThan(0.98);
  });

  it("gives marked's tokens for each form it reads", () => {
    const forms = [
      'One paragraph.',
      'One paragraph.\n',
      'Two lines  \nwith a hard break\nand a soft one.\n',
      '## A heading\n\nText after it, with **strong words**, **(in brackets)** and **$119**.',
      '**Pros:** light. [1][2]\n\n- **A** — one\n- **B:** two [3]\n',
      '1. **First** — one\n   - **Why:** it is\n   - **But:** it is not\n2. **Second**\n\nA paragraph after it.',
      '| Pick | Price | Note |\n| :--- | ---: | :-: |\n| **Tide** | $9 | AT&T (yes) |\n| B |  | c |\n',
      'Ends with a list:\n\n- a\n- b\n',
      'A table ends it:\n\n| a |\n| --- |\n| b |\n',
      '7. starts at seven\n8. and goes on',
      'Süßes **über** alles — «**vraiment**» ¡**sí**!',
      'Dear [Name, unclosed\n[and [one] in] brackets',
      'Best regards,  \n[Your name]\n\n| Note | Source |\n| --- | --- |\n| sure | [1] |',
    ];
    for (const markdown of forms) {
      const tokens = lexGenerated(markdown);
      expect(tokens, markdown).toBeDefined();
      expect(tokens, markdown).toEqual(marked(markdown));
    }
  });

  it('leaves to marked whatever falls outside the forms it reads', () => {
    const outside = [
      '',
      'Some `code` here.',
      'A [link](https://example.com).',
      'An *emphasis*.',
      'Bold ***and*** more.',
      'Unclosed **bold.',
      'Spaced ** not bold **.',
      'A line\n- then a list that interrupts it',
      '- a list\n\n- continued after a blank line',
      '- a\n  continued lazily',
      'Title\n===',
      '> a quote',
      'Two blank lines\n\n\nbetween blocks.',
      '| not | a table |',
      'A trailing space \nbreaks nothing.',
      '- [ ] a task',
      'Visit www.example.com or mail me@example.com.',
      '[1]: https://example.com',
      '<b>html</b>',
      'snake_case and ~strike~',
    ];
    for (const markdown of outside) expect(lexGenerated(markdown), markdown).toBeUndefined();
  });
});
