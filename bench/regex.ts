// The cost of RE2 (re2js) for fault rules' promptRegex, against V8's backtracking RegExp: module
// load, compile, and one match on a typical prompt and on a 2,047-character one (the longest the
// API takes). `node bench/regex.ts`; a few seconds. V8 is not run on (a+)+$: it would not return.
import { performance } from 'node:perf_hooks';

const started = performance.now();
const { RE2JS } = await import('re2js');
const loadMs = performance.now() - started;

const longest = `${'a'.repeat(2046)}!`;
const typical = 'best basketball shoes for 2026 and the weather today in portland';
const patterns = ['(a+)+$', 'weather|news', '^best .* shoes', '\\bcrash\\b', '.{100}'.repeat(2)];
const microseconds = (run: () => unknown, times = 2000) => {
  const from = performance.now();
  for (let i = 0; i < times; i++) run();
  return Number((((performance.now() - from) / times) * 1000).toFixed(1));
};

console.log(`re2js loads in ${loadMs.toFixed(1)} ms`);
const rows = patterns.map((source) => {
  const from = performance.now();
  const re2 = RE2JS.compile(source);
  const compileMs = Number((performance.now() - from).toFixed(2));
  const v8 = new RegExp(source);
  const catastrophic = source === '(a+)+$';
  return {
    pattern: source.length > 20 ? `${source.slice(0, 17)}...` : source,
    'compile ms': compileMs,
    're2js µs, typical': microseconds(() => re2.test(typical)),
    're2js µs, 2,047 chars': microseconds(() => re2.test(longest)),
    'V8 µs, typical': microseconds(() => v8.test(typical)),
    'V8 µs, 2,047 chars': catastrophic ? 'never returns' : microseconds(() => v8.test(longest)),
  };
});
console.table(rows);
