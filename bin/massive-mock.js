#!/usr/bin/env node
// Written for any Node to parse (no static import of what Node 22 added), so an old Node says
// what it needs instead of failing on a SyntaxError.
import './node-check.js';
// Node caches the compiled code of the modules it loads: later starts skip most of the parsing.
// (process.getBuiltinModule, not import(): an ESM import of node:module reads all its exports.)
process.getBuiltinModule('node:module').enableCompileCache?.();
// The command bundled in one file (scripts/bundle.ts): one module to load instead of ~680.
await import('../dist/massive-mock.js');
