// Added to the page before the console's own scripts (bench/console): collects the console's frame → paint
// measures (performance.measure("ct-paint-<seq>", "ct-frame-<seq>")), the main thread's long tasks and long
// animation frames, so the bench reads them even if the console clears its entries.
(() => {
  const probe = { measures: [], frameMarks: 0, longTasks: [], longFrames: [], unsupported: [], rows: -1, rowsAt: 0 };
  Object.defineProperty(window, "__ctBench", { value: probe });
  const watch = (type, take) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(take)).observe({ type, buffered: true });
    } catch (e) {
      probe.unsupported.push(type);
    }
  };
  watch("measure", (e) => {
    if (e.name.startsWith("ct-paint-")) probe.measures.push([e.name.slice("ct-paint-".length), e.startTime, e.duration]);
  });
  watch("mark", (e) => {
    if (e.name.startsWith("ct-frame-")) probe.frameMarks++;
  });
  watch("longtask", (e) => probe.longTasks.push([e.startTime, e.duration]));
  watch("long-animation-frame", (e) => {
    probe.longFrames.push({
      start: e.startTime,
      duration: e.duration,
      blocking: e.blockingDuration,
      styleAndLayout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
      scripts: e.scripts.map((s) => ({
        source: s.sourceURL,
        fn: s.sourceFunctionName,
        invoker: s.invoker,
        duration: s.duration,
        layout: s.forcedStyleAndLayoutDuration,
      })),
    });
  });
})();
