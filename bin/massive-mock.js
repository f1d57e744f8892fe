#!/usr/bin/env node
// Written for any Node to parse (no static import of what Node 22 added), so an old Node says
// what it needs instead of failing on a SyntaxError.
import './node-check.js';
// Node caches the compiled code of the modules it loads: later starts skip most of the parsing.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
await import('../dist/cli.js');
