/**
 * The union-scale exchange bench in a process of its own (`npm run bench` starts it): the merge is timed
 * without the gigabyte of data sets the other benches leave in the main process's heap.
 */
import { benchExchange } from './exchange.ts';

await benchExchange((label, value) => console.log(`${label}\t${value}`));
