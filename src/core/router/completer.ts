import { createFaker } from '../kernel/faker.ts';
import type { Catalogue } from './catalogue.ts';
import { type ChatCompletion, completeChat } from './chat-completion.ts';
import type { ChatCall } from './chat-request.ts';
import { type Completion, type CompleterContext, completeText } from './completion.ts';
import type { CompletionFixtures } from './fixtures.ts';
import type { CompletionCall } from './request.ts';
import type { Tokenizer } from './tokenizer.ts';

/**
 * The router's core: turns checked calls into completions and chat completions, from the instance
 * seed, the catalogue and the canned answers (see `textSeed` for what each text's seed is).
 */
export function createCompleter(options: {
  seed: number;
  catalogue: Catalogue;
  fixtures: CompletionFixtures;
}) {
  const context: CompleterContext = { ...options, faker: createFaker(options.seed), sequence: 0 };
  return {
    complete: (call: CompletionCall, tokenizer: Tokenizer, epochMs: number): Promise<Completion> =>
      completeText(context, call, tokenizer, epochMs),
    /** A chat call; with neither `model` nor `models`, the catalogue's default model answers. */
    chat: (call: ChatCall, tokenizer: Tokenizer, epochMs: number): Promise<ChatCompletion> =>
      completeChat(
        context,
        call,
        tokenizer,
        epochMs,
        options.catalogue.resolve(call.model, call.models, true),
      ),
  };
}

export type Completer = ReturnType<typeof createCompleter>;
