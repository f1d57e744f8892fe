// Written for any Node to parse: an older one says in one line what massive-mock needs, instead of
// a stack trace (Node 22.18 is the first to run TypeScript as is, which `npm start` relies on, and
// the oldest CI tests). `npm start` loads it first with --import; the bin imports it.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`massive-mock needs Node 22.18 or newer (this is ${process.version})\n`);
  process.exit(1);
}
