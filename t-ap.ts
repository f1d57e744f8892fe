const { analyzePrompt } = await import('./src/core/massive/generate/topic.ts');
const t = performance.now(); analyzePrompt('x'); console.log('first', (performance.now() - t).toFixed(2));
