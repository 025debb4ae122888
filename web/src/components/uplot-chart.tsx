import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UplotChartProps {
  /** Everything but the size: the chart takes its container's width. */
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  heightPx?: number;
  label: string;
}

/** A uPlot chart that follows its container's width; rebuilt when options or data change. */
export function UplotChart({ options, data, heightPx = 260, label }: UplotChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (el === null) return;
    const width = () => Math.max(280, Math.floor(el.clientWidth));
    const chart = new uPlot({ ...options, width: width(), height: heightPx }, data, el);
    const observer = new ResizeObserver(() => {
      const w = width();
      if (w !== chart.width) chart.setSize({ width: w, height: heightPx });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [options, data, heightPx]);
  return <div class="chart" ref={host} role="img" aria-label={label} />;
}
