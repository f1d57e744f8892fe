import { createRng, deriveSeed, drawUuid } from '../../kernel/random.ts';
import type { Conversation } from '../conversation.ts';
import type { Answer } from './types.ts';

const event = (data: unknown, name?: string) =>
  `${name ? `event: ${name}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

/**
 * ChatGPT's server-sent events for an answer, as June's `sse` key carries them: the message is
 * added empty, then its Markdown arrives in `append` deltas, so replaying them gives the text the
 * page shows. Search queries and cited pages ride in the message's metadata. Other models: none.
 */
export function chatgptEventStream(conversation: Conversation, answer: Answer, seed: number): string {
  if (conversation.model !== 'chatgpt') return '';
  const rng = createRng(deriveSeed(seed, 'sse'));
  const conversationId = drawUuid(seed, 'sse-conversation');
  const messageId = drawUuid(seed, 'sse-message');
  const chunks: string[] = [];
  for (let at = 0; at < answer.markdown.length;) {
    const size = rng.int(8, 48);
    chunks.push(answer.markdown.slice(at, at + size));
    at += size;
  }
  return [
    event('"v1"', 'delta_encoding'),
    event({ type: 'conversation_detail_metadata', banner_info: null, conversation_id: conversationId }),
    event(
      {
        p: '',
        o: 'add',
        v: {
          message: {
            id: messageId,
            author: { role: 'assistant', name: null },
            content: { content_type: 'text', parts: [''] },
            status: 'in_progress',
            metadata: {
              search_queries: answer.fanouts.map((q) => ({ type: 'search', q })),
              content_references: answer.sources.map((source, index) => ({
                matched_text: `[${index + 1}]`,
                type: 'webpage',
                title: source.title,
                url: source.url,
                attribution: source.siteName,
              })),
            },
          },
          conversation_id: conversationId,
        },
      },
      'delta',
    ),
    ...chunks.map((chunk) => event({ p: '/message/content/parts/0', o: 'append', v: chunk }, 'delta')),
    event({ p: '/message/status', o: 'replace', v: 'finished_successfully' }, 'delta'),
    event({ type: 'message_stream_complete', conversation_id: conversationId }),
    event('[DONE]'),
  ].join('');
}

/** The text the `append` deltas of an event stream build: what a client replaying it shows. */
export function replayEventStream(sse: string): string {
  let text = '';
  for (const line of sse.split('\n')) {
    if (!line.startsWith('data: {')) continue;
    const data = JSON.parse(line.slice(6)) as { p?: string; o?: string; v?: unknown };
    if (data.o === 'append' && data.p === '/message/content/parts/0') text += String(data.v);
  }
  return text;
}
