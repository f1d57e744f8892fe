import { readFileSync } from 'node:fs';
import { type Bundle, parseBundle } from '../core/massive/bundle.ts';
import { BundleError } from '../core/massive/errors.ts';

/** Reads a bundle written by GET /__admin/bundle; a file that is not one stops the start. */
export function readBundleFile(path: string): Bundle {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BundleError(`cannot read the bundle ${path}: ${(error as Error).message}`);
  }
  try {
    return parseBundle(JSON.parse(text), path);
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError(`the bundle ${path} is not valid JSON: ${(error as Error).message}`);
  }
}
