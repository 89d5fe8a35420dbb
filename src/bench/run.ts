// `npm run bench`: every stage's benchmark, one after another, each printing its own figures.
// A stage's benchmark is a module `src/<stage>/bench.ts` exporting `runBench(log)`.
const modules = ['article', 'analyze', 'syntax', 'time', 'entities', 'facts', 'pipeline', 'store', 'server'];

for (const name of modules) {
  let mod: { runBench?: (log: (line: string) => void) => Promise<void> };
  try {
    mod = await import(`../${name}/bench.js`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') continue;
    throw err;
  }
  if (!mod.runBench) continue;
  console.log(`\n== ${name}`);
  await mod.runBench((line) => console.log(line));
}
