/** Turns raw per-round results into the medians, ratios and target checks of `latest.json`. */
import type { RendererId } from '../shared/types';
import { concurrencySummary } from './concurrency-figures';
import {
  type BenchResults,
  type ConversationRow,
  type RafRow,
  type SizeId,
  type StreamRow,
  shapeSizes,
  type TargetCheck,
} from './results';
import { flushStats, median, medianOf, quantile } from './stats';
import type { RawResults } from './suite';

/** Rivulet with other settings than its defaults: figures reported beside the targets, not as them. */
export const extraRenderers = [
  'rivulet-string',
  'rivulet-no-highlight',
  'rivulet-highlight-all',
] as const satisfies readonly RendererId[];

type Aggregated = Pick<
  BenchResults,
  'stream' | 'ratios' | 'raf' | 'conversation' | 'useStream' | 'concurrency' | 'firstPaint' | 'memory' | 'targets'
>;

function streamRows(raw: RawResults): StreamRow[] {
  const keys = new Map<string, { renderer: RendererId; size: SizeId }>();
  for (const { renderer, size } of raw.stream) keys.set(`${renderer}/${size}`, { renderer, size });
  return [...keys.values()].map(({ renderer, size }) => {
    const runs = raw.stream.filter((run) => run.renderer === renderer && run.size === size).map((run) => run.result);
    const perRound = runs.map((run) => {
      const stats = flushStats(run.flushes);
      return {
        flushes: stats.count,
        medianFlush: stats.median,
        p95Flush: stats.p95,
        maxFlush: stats.max,
        over16: stats.over16,
        over50: stats.over50,
        endFlush: run.flushes.at(-1) ?? Number.NaN,
        total: run.total,
        static: run.static,
        totalOverStatic: run.total / run.static,
        textReads: typeof run.textReads === 'number' ? run.textReads : Number.NaN,
      };
    });
    const last = runs.at(-1);
    const coloured = runs.flatMap((run) => (run.colouredAfterEnd === undefined ? [] : [run.colouredAfterEnd]));
    return {
      renderer,
      size,
      rounds: runs.length,
      ...medianOf(perRound),
      ...(coloured.length > 0 ? { colouredAfterEnd: median(coloured) } : {}),
      streamed: last?.streamed,
      staticDom: last?.staticDom,
    };
  });
}

function rafRows(raw: RawResults): RafRow[] {
  const sizes = [...new Set(raw.raf.map((run) => run.size))];
  return sizes.map((size) => rafRow(raw.raf.filter((run) => run.size === size)));
}

function rafRow(runs: RawResults['raf']): RafRow {
  const first = runs[0]!;
  const perRound = runs.map(({ result, cold }) => ({
    frames: result.frameIntervals.length,
    droppedFrames: result.frameIntervals.filter((interval) => interval > 20).length,
    p95FrameInterval: quantile(result.frameIntervals, 0.95),
    maxFrameInterval: Math.max(...result.frameIntervals),
    medianFrameWork: median(result.flushes),
    maxFrameWork: Math.max(...result.flushes),
    idleMedianInterval: median(result.idleIntervals),
    idleDroppedFrames: result.idleIntervals.filter((interval) => interval > 20).length,
    coldFrames: cold ? cold.frameIntervals.length : Number.NaN,
    coldDroppedFrames: cold ? cold.frameIntervals.filter((interval) => interval > 20).length : Number.NaN,
    coldMaxFrameInterval: cold ? Math.max(...cold.frameIntervals) : Number.NaN,
    codeBlocks: result.colours.nearBlocks,
    colouredBlocks: result.colours.colouredBlocks,
    medianColourDelay: median(result.colours.delays),
    maxColourDelay: quantile(result.colours.delays, 1),
    coldColouredBlocks: cold ? cold.colours.colouredBlocks : Number.NaN,
    coldMedianColourDelay: cold ? median(cold.colours.delays) : Number.NaN,
    coldMaxColourDelay: cold ? quantile(cold.colours.delays, 1) : Number.NaN,
  }));
  return { renderer: first.renderer, size: first.size, rounds: runs.length, ...medianOf(perRound) };
}

function conversationRows(raw: RawResults): ConversationRow[] {
  const renderers = [...new Set(raw.conversation.map((run) => run.renderer))];
  return renderers.map((renderer) => {
    const runs = raw.conversation.filter((run) => run.renderer === renderer);
    const perRound = runs.map(({ lone, full }) => ({
      history: full.history,
      loneMedianFlush: median(lone.flushes),
      conversationMedianFlush: median(full.flushes),
      conversationP95Flush: quantile(full.flushes, 0.95),
      ratio: median(full.flushes) / median(lone.flushes),
      mount: full.mount,
      scrollMedianFrame: median(full.scrollWork),
      scrollP95Frame: quantile(full.scrollWork, 0.95),
      scrollMaxFrame: Math.max(0, ...full.scrollWork),
      scrollOver16: full.scrollWork.filter((ms) => ms > 16).length,
      scrollAgainMaxFrame: Math.max(0, ...full.scrollAgainWork),
      scrollAgainOver16: full.scrollAgainWork.filter((ms) => ms > 16).length,
    }));
    return { renderer, rounds: runs.length, ...medianOf(perRound) };
  });
}

function find(rows: StreamRow[], renderer: RendererId, size: SizeId): StreamRow | undefined {
  return rows.find((row) => row.renderer === renderer && row.size === size);
}

export function aggregate(
  raw: RawResults,
  rates: { useStreamDeltasPerSecond: number; concurrencyTokensPerSecond: number },
): Aggregated {
  const stream = streamRows(raw);
  const raf = rafRows(raw);
  const conversation = conversationRows(raw);
  const ratios: Record<string, number> = {};
  const targets: TargetCheck[] = [];
  const check = (target: string, value: number | undefined, limit: string, met: (value: number) => boolean) => {
    if (value === undefined || Number.isNaN(value)) return;
    targets.push({ target, value, limit, met: met(value) });
  };

  for (const size of ['2k', '40k', '200k', ...shapeSizes] as const) {
    const rivulet = find(stream, 'rivulet', size);
    const streamdown = find(stream, 'streamdown', size);
    const diy = find(stream, 'diy', size);
    if (rivulet && streamdown) {
      ratios[`rivulet/streamdown total ${size}`] = rivulet.total / streamdown.total;
      ratios[`rivulet/streamdown median flush ${size}`] = rivulet.medianFlush / streamdown.medianFlush;
    }
    // Given strings, Rivulet pays the text reads as streamdown does: its total without them.
    const fromStrings = find(stream, 'rivulet-string', size);
    if (fromStrings && streamdown) {
      ratios[`rivulet-string/streamdown total ${size} less text reads`] =
        (fromStrings.total - fromStrings.textReads) / (streamdown.total - streamdown.textReads);
    }
    if (diy && streamdown) ratios[`diy/streamdown total ${size}`] = diy.total / streamdown.total;
    if (rivulet && diy) ratios[`rivulet/diy total ${size}`] = rivulet.total / diy.total;
    // What Rivulet adds per flush to what the browser alone charges for the same DOM.
    const floor = find(stream, 'dom-floor', size);
    if (rivulet && floor) ratios[`rivulet/dom-floor median flush ${size}`] = rivulet.medianFlush / floor.medianFlush;
  }
  // Rivulet's other settings: like for like (neither side highlights code), and every code block
  // highlighted whether seen or not. Reported beside the targets, not as them.
  for (const variant of extraRenderers) {
    for (const size of ['40k', '200k'] as const) {
      const rivulet = find(stream, variant, size);
      const streamdown = find(stream, 'streamdown', size);
      if (rivulet && streamdown) {
        ratios[`${variant}/streamdown total ${size}`] = rivulet.total / streamdown.total;
        ratios[`${variant}/streamdown median flush ${size}`] = rivulet.medianFlush / streamdown.medianFlush;
      }
    }
  }
  for (const renderer of [
    'rivulet',
    ...extraRenderers,
    'streamdown',
    'react-markdown',
    'diy',
    'plain',
    'dom-floor',
  ] as const) {
    const small = find(stream, renderer, '2k');
    for (const size of ['200k', ...shapeSizes] as const) {
      const large = find(stream, renderer, size);
      if (small && large) ratios[`${renderer} median flush ${size}/2k`] = large.medianFlush / small.medianFlush;
    }
  }

  check('total 40k vs streamdown', ratios['rivulet/streamdown total 40k'], '<= 0.3x', (v) => v <= 0.3);
  check('total 200k vs streamdown', ratios['rivulet/streamdown total 200k'], '<= 0.15x', (v) => v <= 0.15);
  check('median flush 200k / 2k', ratios['rivulet median flush 200k/2k'], '<= 1.5x', (v) => v <= 1.5);
  check('total 2k vs streamdown', ratios['rivulet/streamdown total 2k'], '<= 1x', (v) => v <= 1);
  for (const size of shapeSizes) {
    check(`total ${size} vs streamdown`, ratios[`rivulet/streamdown total ${size}`], '<= 0.3x', (v) => v <= 0.3);
    check(`median flush ${size} / 2k`, ratios[`rivulet median flush ${size}/2k`], '<= 1.5x', (v) => v <= 1.5);
  }
  for (const size of ['40k', '200k', ...shapeSizes] as const) {
    check(`flushes over 16 ms, ${size}`, find(stream, 'rivulet', size)?.over16, '0', (v) => v === 0);
  }
  for (const row of raf) check(`dropped frames, rAF-driven ${row.size}`, row.droppedFrames, '0', (v) => v === 0);
  const rivuletConversation = conversation.find((row) => row.renderer === 'rivulet');
  check('conversation / lone median flush', rivuletConversation?.ratio, '<= 1.5x', (v) => v <= 1.5);
  check('conversation scroll frames over 16 ms', rivuletConversation?.scrollOver16, '0', (v) => v === 0);

  let useStream: Aggregated['useStream'];
  if (raw.commits.length > 0) {
    const perRound = raw.commits.map((run) => ({
      commitsPerSecond: (run.commits * 1000) / run.windowMs,
      layoutEffectsPerSecond: (run.layoutEffects * 1000) / run.windowMs,
      charsLost: run.charsEnqueued - run.finalTextLength,
    }));
    useStream = {
      rounds: raw.commits.length,
      deltasPerSecond: rates.useStreamDeltasPerSecond,
      ...medianOf(perRound),
      finalStatus: raw.commits.map((run) => run.finalStatus).join(', '),
    };
    check('useStream commits per second at 10,000 deltas/s', useStream.commitsPerSecond, '<= 60', (v) => v <= 60);
    check('useStream characters lost', Math.max(...perRound.map((round) => round.charsLost)), '0', (v) => v === 0);
  }
  let firstPaint: Aggregated['firstPaint'];
  if (raw.firstPaint.length > 0) {
    firstPaint = {
      samples: raw.firstPaint.length,
      medianLatency: median(raw.firstPaint.map((sample) => sample.latency)),
      maxLatency: Math.max(...raw.firstPaint.map((sample) => sample.latency)),
      maxFrames: Math.max(...raw.firstPaint.map((sample) => sample.frames)),
    };
    check('first delta painted, frames after arrival (max)', firstPaint.maxFrames, '<= 1', (v) => v <= 1);
  }
  const concurrency = concurrencySummary(raw.concurrency, rates.concurrencyTokensPerSecond);
  let memory: Aggregated['memory'];
  if (raw.memory.length > 0) {
    memory = [...new Set(raw.memory.map((row) => row.renderer))].map((renderer) => {
      const rows = raw.memory.filter((row) => row.renderer === renderer);
      const pick = (key: 'streamed' | 'static' | 'ratio' | 'clearedGrowthPerAnswer') =>
        median(rows.map((row) => row[key]));
      return {
        renderer,
        streamed: pick('streamed'),
        static: pick('static'),
        ratio: pick('ratio'),
        clearedGrowthPerAnswer: pick('clearedGrowthPerAnswer'),
      };
    });
    const rivuletMemory = memory.find((row) => row.renderer === 'rivulet');
    check('heap, 200k streamed / static', rivuletMemory?.ratio, '<= 2x', (v) => v <= 2);
  }
  return { stream, ratios, raf, conversation, useStream, concurrency, firstPaint, memory, targets };
}
