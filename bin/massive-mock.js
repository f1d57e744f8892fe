#!/usr/bin/env node
// Written for any Node to parse (no static import of what Node 22 added), so an old Node says
// what it needs instead of failing on a SyntaxError.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(`massive-mock needs Node 22 or newer (this is ${process.version})\n`);
  process.exit(1);
}
// Node caches the compiled code of the modules it loads: later starts skip most of the parsing.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
await import('../dist/cli.js');
