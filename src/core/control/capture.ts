import { boundedText, redactHeader } from '../kernel/redact.ts';

/** What the journal keeps of a request beside its line: headers and body, redacted and bounded. */
export interface CapturedRequest {
  headers: Record<string, string>;
  body?: string;
  /** Some of the headers or the body went past the entry's byte budget and was cut. */
  truncated?: boolean;
}

/**
 * Redacts a request's headers and body and keeps at most `maxBytes` of them in all: the headers
 * first (names and values), then as much of the body as is left.
 */
export function captureRequest(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  body: unknown,
  maxBytes: number,
): CapturedRequest {
  let left = maxBytes;
  let truncated = false;
  const kept: Record<string, string> = {};
  for (const header in headers) {
    const value = headers[header];
    if (value === undefined) continue;
    const name = header.toLowerCase();
    const room = left - Buffer.byteLength(name);
    if (room <= 0) {
      truncated = true;
      break;
    }
    const text = redactHeader(name, value);
    const bytes = Buffer.byteLength(text);
    // Most headers fit whole: bounding them would only redact them again.
    if (bytes <= room) {
      kept[name] = text;
      left = room - bytes;
      continue;
    }
    const cut = boundedText(text, room);
    kept[name] = cut.text;
    truncated ||= cut.truncated;
    left = room - Buffer.byteLength(cut.text);
  }
  const captured: CapturedRequest = { headers: kept };
  const text =
    body === undefined || body === null
      ? undefined
      : typeof body === 'string'
        ? body
        : Buffer.isBuffer(body)
          ? body.toString('utf8')
          : JSON.stringify(body);
  if (text !== undefined && text !== '') {
    const cut = boundedText(text, Math.max(0, left));
    captured.body = cut.text;
    truncated ||= cut.truncated;
  }
  if (truncated) captured.truncated = true;
  return captured;
}
