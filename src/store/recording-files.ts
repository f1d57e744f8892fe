import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordingError } from '../core/control/errors.ts';
import { type Recording, parseRecording, recordingFileName } from '../core/control/recording.ts';
import { readJsonFiles } from './fixture-files.ts';

/** Every recording of a folder (a missing folder holds none); a bad file stops the start. */
export function readRecordingDir(dir: string): Recording[] {
  return readJsonFiles(dir, {
    what: 'recordings',
    fail: (message) => new RecordingError(message),
    optional: true,
  }).map(({ file, content }) => parseRecording(content, file));
}

/** Writes one recording (already redacted) to the folder, made if need be; returns its path. */
export function writeRecording(dir: string, recording: Recording): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, recordingFileName(recording));
  writeFileSync(file, `${JSON.stringify(recording, null, 2)}\n`);
  return file;
}
