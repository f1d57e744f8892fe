/**
 * The command's entry for `npm start` (the bin runs the same command bundled, dist/massive-mock.cjs): Node's compile cache is
 * switched on before anything else loads, which static imports would not allow, so later starts
 * skip most of the parsing and compiling (type stripping included). cli-main.ts is the command.
 */
// process.getBuiltinModule: an ESM import of node:module reads all its exports, which costs more.
process.getBuiltinModule('node:module').enableCompileCache?.();
await import('./cli-main.ts');
