// Runs the three benchmark definitions on aws-local-stepfunctions and prints one JSON line per case.
// Usage: node bench.mjs <rounds>
import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';

const rounds = Number(process.argv[2] ?? 5);
const load = (name) => JSON.parse(readFileSync(new URL(`./definitions/${name}.json`, import.meta.url)));
const items = Array.from({ length: 10000 }, (_, i) => ({ id: `item-${i}` }));

async function timeIt(label, definition, input, executions) {
  const machine = new StateMachine(definition, { validationOptions: { checkPaths: false, checkArn: false } });
  const times = [];
  for (let r = 0; r < rounds + 1; r++) {           // the first round warms the JIT up and is dropped
    const start = process.hrtime.bigint();
    for (let i = 0; i < executions; i++) await machine.run(input).result;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ engine: 'aws-local-stepfunctions', case: label, executions, medianMillis: times[Math.floor(times.length / 2)] }));
}

await timeIt('loop', load('loop'), { count: 0 }, 1);
await timeIt('map', load('map'), items, 1);
await timeIt('one-state', load('one-state'), { a: 1 }, 1000);
