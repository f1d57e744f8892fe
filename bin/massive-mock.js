#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// Node caches the compiled code of the modules it loads: later starts skip most of the parsing.
enableCompileCache?.();
await import('../dist/cli.js');
