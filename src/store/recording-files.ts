import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordingError } from '../core/control/errors.ts';
import { type Recording, parseRecording, recordingFileName } from '../core/control/recording.ts';
import { MAX_FIXTURE_BYTES, readJsonFiles } from './fixture-files.ts';

/** Every recording of a folder (a missing folder holds none); a bad file stops the start. */
export function readRecordingDir(dir: string): Recording[] {
  return readJsonFiles(dir, {
    what: 'recordings',
    fail: (message) => new RecordingError(message),
    optional: true,
  }).map(({ file, content }) => parseRecording(content, file));
}

/**
 * Writes one recording (already redacted) to the folder, made if need be; returns its path. One
 * past the 1 MiB a folder's file may be is refused here: written, it would stop the next start.
 */
export function writeRecording(dir: string, recording: Recording): string {
  const text = `${JSON.stringify(recording, null, 2)}\n`;
  const file = join(dir, recordingFileName(recording));
  const size = Buffer.byteLength(text);
  if (size > MAX_FIXTURE_BYTES)
    throw new RecordingError(
      `${file} would be ${size} bytes, past the 1 MiB (${MAX_FIXTURE_BYTES} bytes) a recording may be`,
    );
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, text);
  return file;
}
