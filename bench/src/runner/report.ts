/** Prints the results as one table plus the extra measurements and the target checks. */
import type { RendererId } from '../shared/types';
import { extraRenderers } from './aggregate';
import type { BenchResults, ConcurrencyFigures, ConcurrencyResult } from './results';

/** What each of Rivulet's other settings shows; their ratios are printed apart from the SPEC figures. */
const extraMeaning: Record<(typeof extraRenderers)[number], string> = {
  'rivulet-string': "each flush's text handed over as a new string, not the stream's GrowingText",
  'rivulet-no-highlight': 'no highlighting on either side',
  'rivulet-highlight-all': 'every code block highlighted, seen or not',
};

function extraOf(ratio: string): (typeof extraRenderers)[number] | undefined {
  return extraRenderers.find((id: RendererId) => ratio.startsWith(`${id}/`));
}

function ms(value: number): string {
  if (Number.isNaN(value)) return '-';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => row[index]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((cell, index) => (index < 2 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function frameFigures(f: ConcurrencyFigures): string {
  return (
    `longest gap between frames ${ms(f.maxFrameGap)} (p95 ${ms(f.p95FrameGap)}), ${f.framesOver20} of ${f.frames} ` +
    `frames over 20 ms; ${f.longTasks} long tasks (longest ${ms(f.maxLongTask)})`
  );
}

function concurrencyLines(c: ConcurrencyResult): string[] {
  const lines = [
    `concurrency: ${c.windows} <ChatWindow>s streaming at once, ${c.tokensPerSecond} tokens/s each (profiling build), ` +
      `${c.completed}/${c.windows} answers complete in ${(c.duration / 1000).toFixed(1)} s: ${frameFigures(c)}; ` +
      `longest render per window median ${ms(c.medianWindowMaxRender)}, worst ${ms(c.maxWindowRender)}; ` +
      `longest commit ${ms(c.maxCommitRender)}`,
  ];
  if (c.lone) {
    lines.push(`  1 window alone, same page: ${frameFigures(c.lone)}; longest commit ${ms(c.lone.maxCommitRender)}`);
  }
  return lines;
}

export function formatReport(results: BenchResults): string {
  const out: string[] = [];
  const { machine, config } = results;
  out.push(
    `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, Chromium ${machine.chromium}; ` +
      `revision ${results.revision}; ${config.rounds} rounds, medians; ${config.deltasPerFlush} deltas of ${config.deltaSizes} chars per flush; times in ms`,
    '',
    table(
      [
        'renderer',
        'size',
        'flushes',
        'median',
        'p95',
        'max',
        '>16ms',
        '>50ms',
        'end',
        'total',
        'static',
        'total/static',
        'text reads',
      ],
      results.stream.map((row) => [
        row.renderer,
        row.size,
        String(row.flushes),
        ms(row.medianFlush),
        ms(row.p95Flush),
        ms(row.maxFlush),
        String(row.over16),
        String(row.over50),
        ms(row.endFlush),
        ms(row.total),
        ms(row.static),
        `${row.totalOverStatic.toFixed(1)}x`,
        ms(row.textReads),
      ]),
    ),
    '',
  );
  out.push(
    "text reads: reading each flush's text once with no renderer. The text arrives as a new, longer string on " +
      'every flush and its first read copies it whole, so this part of every total grows with the answer ' +
      'whoever renders it (the rows given a GrowingText never read it: "-"); the "less text reads" ratios leave it ' +
      'out of both sides.',
    '',
  );
  const ratios = Object.entries(results.ratios);
  for (const [name, value] of ratios) {
    if (!extraOf(name)) out.push(`${name}: ${value.toFixed(2)}x`);
  }
  for (const variant of extraRenderers) {
    const extras = ratios.filter(([name]) => extraOf(name) === variant);
    if (extras.length === 0) continue;
    out.push(`${extraMeaning[variant]} (extra; the SPEC targets use the default rivulet row):`);
    for (const [name, value] of extras) out.push(`  ${name}: ${value.toFixed(2)}x`);
  }
  const colouredRows = results.stream.filter((row) => row.colouredAfterEnd !== undefined);
  if (colouredRows.length > 0) {
    out.push(
      'code near the viewport highlighted after the last flush (highlighting is idle-priority work, and these ' +
        'runs keep the page busy until the end): ' +
        colouredRows.map((row) => `${row.renderer} ${row.size} ${ms(row.colouredAfterEnd as number)}`).join(', '),
    );
  }
  for (const row of results.raf) {
    out.push(
      '',
      `rAF-driven ${row.renderer} ${row.size} at 1,000 deltas/s: ${row.frames} frames, ${row.droppedFrames} over 20 ms ` +
        `(p95 interval ${ms(row.p95FrameInterval)}, max ${ms(row.maxFrameInterval)}); work per frame median ` +
        `${ms(row.medianFrameWork)}, max ${ms(row.maxFrameWork)}; idle page: interval ${ms(row.idleMedianInterval)}, ` +
        `${row.idleDroppedFrames} over 20 ms. Cold (no warm-up, fresh page): ${row.coldDroppedFrames} of ` +
        `${row.coldFrames} frames over 20 ms, max interval ${ms(row.coldMaxFrameInterval)}`,
      `  code near the viewport: ${row.colouredBlocks} of ${row.codeBlocks} blocks highlighted while streaming, ` +
        `${ms(row.medianColourDelay)} median (max ${ms(row.maxColourDelay)}) after a block first showed; cold: ` +
        `${row.coldColouredBlocks} of ${row.codeBlocks}, ${ms(row.coldMedianColourDelay)} median ` +
        `(max ${ms(row.coldMaxColourDelay)})`,
    );
  }
  for (const row of results.conversation) {
    out.push(
      `conversation ${row.renderer}: median flush alone ${ms(row.loneMedianFlush)}, after ${row.history} messages ` +
        `${ms(row.conversationMedianFlush)} (p95 ${ms(row.conversationP95Flush)}) = ${row.ratio.toFixed(2)}x; ` +
        `mounting the history ${ms(row.mount)}; scrolling up through it, work per frame median ` +
        `${ms(row.scrollMedianFrame)}, p95 ${ms(row.scrollP95Frame)}, max ${ms(row.scrollMaxFrame)}, ` +
        `${row.scrollOver16} frames over 16 ms (scrolled again: max ${ms(row.scrollAgainMaxFrame)}, ` +
        `${row.scrollAgainOver16} over 16 ms)`,
    );
  }
  if (results.useStream) {
    const u = results.useStream;
    out.push(
      `useStream at ${u.deltasPerSecond} deltas/s, maxFps 60: ${u.commitsPerSecond.toFixed(1)} commits/s ` +
        `(layout effects ${u.layoutEffectsPerSecond.toFixed(1)}/s), characters lost ${u.charsLost}, final status ${u.finalStatus}`,
    );
  }
  if (results.firstPaint) {
    const f = results.firstPaint;
    out.push(
      `first delta to paint: median ${ms(f.medianLatency)}, max ${ms(f.maxLatency)} (${f.samples} samples; ` +
        `at most ${f.maxFrames} frame(s) after arrival)`,
    );
  }
  if (results.concurrency) out.push(...concurrencyLines(results.concurrency));
  for (const row of results.memory ?? []) {
    out.push(
      `memory ${row.renderer}: 200k streamed and on screen ${row.streamed.toFixed(1)} MB of heap, static render ` +
        `${row.static.toFixed(1)} MB (${row.ratio.toFixed(2)}x); 2k answers streamed and cleared: ` +
        `${row.clearedGrowthPerAnswer.toFixed(1)} KB of heap growth per answer from the 10th to the 100th`,
    );
  }
  out.push('', 'targets (SPEC section 4):');
  for (const check of results.targets) {
    out.push(
      `  ${check.met ? 'met    ' : 'NOT MET'}  ${check.target}: ${Number(check.value.toFixed(2))} (target ${check.limit})`,
    );
  }
  for (const variant of extraRenderers) {
    for (const size of ['40k', '200k']) {
      const value = results.ratios[`${variant}/streamdown total ${size}`];
      if (value === undefined) continue;
      out.push(`  extra    total ${size} vs streamdown, ${extraMeaning[variant]}: ${value.toFixed(2)} (not a target)`);
    }
  }
  const c = results.concurrency;
  if (c) {
    out.push(
      `  measured ${c.windows} chat windows streaming at once: longest gap between frames ${ms(c.maxFrameGap)}, ` +
        `${c.framesOver20} of ${c.frames} frames over 20 ms, ${c.longTasks} long tasks (no figure in SPEC section 4)`,
    );
  }
  if (results.failures.length > 0) out.push('', 'failures:', ...results.failures.map((failure) => `  ${failure}`));
  return out.join('\n');
}
