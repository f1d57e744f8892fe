/**
 * The command's entry (`npm start`, and dist/cli.js under the bin): Node's compile cache is
 * switched on before anything else loads, which static imports would not allow, so later starts
 * skip most of the parsing and compiling (type stripping included). cli-main.ts is the command.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache?.();
await import('./cli-main.ts');
