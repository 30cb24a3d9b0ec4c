import type { StationSeed } from '../types.ts';
import { qiandeng } from './qiandeng.ts';
import { qianling } from './qianling.ts';
import { toutunhe } from './toutunhe.ts';
import { xuecheng } from './xuecheng.ts';
import { zhuze } from './zhuze.ts';

/** The five stations of the source articles, in the order of the articles. */
export const DEMO_STATIONS: readonly StationSeed[] = [zhuze, toutunhe, qiandeng, xuecheng, qianling];
