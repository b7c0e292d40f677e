import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/**
 * A small bar chart (Chart.js on a canvas): one series only, so nothing is told apart by colour;
 * the numbers are also given as text for screen readers.
 */
export function BarChart({ title, labels, values }: { title: string; labels: string[]; values: number[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Callers pass fresh arrays on every render; redraw only when the figures change.
  const key = JSON.stringify([title, labels, values]);
  useEffect(() => {
    if (!canvas.current) return;
    const [name, categories, counts] = JSON.parse(key) as [string, string[], number[]];
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: categories, datasets: [{ label: name, data: counts, backgroundColor: '#1d5fbf', borderColor: '#0d3c82', borderWidth: 1 }] },
      options: {
        animation: false,
        responsive: false,
        plugins: { legend: { display: false }, tooltip: { enabled: true } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [key]);
  const summary = labels.map((l, i) => `${l}: ${values[i]}`).join(', ');
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <canvas ref={canvas} width={220} height={130} role="img" aria-label={`${title} — ${summary}`} />
    </figure>
  );
}
