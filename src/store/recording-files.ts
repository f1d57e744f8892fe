import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Recording, RecordingError, parseRecording, recordingFileName } from '../core/recording.ts';

/** Every recording of a folder (a missing folder holds none); a bad file stops the start. */
export function readRecordingDir(dir: string): Recording[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new RecordingError(`cannot read the recordings folder ${dir}: ${(error as Error).message}`);
  }
  return names.map((name) => {
    const file = join(dir, name);
    let content: unknown;
    try {
      content = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new RecordingError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    return parseRecording(content, file);
  });
}

/** Writes one recording (already redacted) to the folder, made if need be; returns its path. */
export function writeRecording(dir: string, recording: Recording): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, recordingFileName(recording));
  writeFileSync(file, `${JSON.stringify(recording, null, 2)}\n`);
  return file;
}
