// The histogram under the map: events per day/week/month stacked by type, drawn as SVG.
// Dragging across it selects a time range (the brush); the date inputs beside it do the same
// by keyboard. The play button replays the range bucket by bucket.
import { typeInfo } from "./types.js";

const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 84;
const PAD_BOTTOM = 16;

function el(name, attrs = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** The last day of the bucket that starts on `date` ("YYYY-MM-DD"). */
export function bucketEnd(date, bucket) {
  const d = new Date(`${date}T00:00:00Z`);
  if (bucket === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (bucket === "month") {
    d.setUTCMonth(d.getUTCMonth() + 1);
    d.setUTCDate(0);
  }
  return d.toISOString().slice(0, 10);
}

export class Timeline {
  constructor(root, { onRange }) {
    this.root = root;
    this.svg = root.querySelector("svg");
    this.onRange = onRange;
    this.data = null;
    this.range = { since: null, until: null };
    this.cursor = null;
    this.svg.addEventListener("pointerdown", (e) => this.#down(e));
    this.svg.addEventListener("pointermove", (e) => this.#move(e));
    this.svg.addEventListener("pointerup", (e) => this.#up(e));
    this.svg.addEventListener("pointercancel", () => (this.drag = null));
    new ResizeObserver(() => this.draw()).observe(this.svg);
  }

  set(data) {
    this.data = data;
    this.draw();
  }

  setRange(since, until) {
    this.range = { since: since || null, until: until || null };
    this.draw();
  }

  setCursor(date) {
    this.cursor = date;
    this.draw();
  }

  /** Buckets inside the selected range (all when none is selected). */
  bucketsInRange() {
    const series = this.data?.series ?? [];
    const bucket = this.data?.bucket ?? "day";
    return series.filter(
      (b) =>
        (!this.range.since || bucketEnd(b.date, bucket) >= this.range.since) &&
        (!this.range.until || b.date <= this.range.until),
    );
  }

  draw() {
    const svg = this.svg;
    const width = Math.max(200, svg.clientWidth || 600);
    svg.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    svg.replaceChildren();
    const series = this.data?.series ?? [];
    if (!series.length) {
      const t = el("text", { x: width / 2, y: HEIGHT / 2, "text-anchor": "middle", class: "tl-empty" });
      t.textContent = "No dated events";
      svg.append(t);
      return;
    }
    const bucket = this.data.bucket;
    const max = Math.max(1, ...series.map((b) => b.total));
    const bw = width / series.length;
    const plot = HEIGHT - PAD_BOTTOM;
    this.layout = { width, bw, series, bucket };
    const types = this.data.types ?? [];
    for (const [i, b] of series.entries()) {
      let y = plot;
      const g = el("g");
      const title = el("title");
      title.textContent = `${b.date} (${bucket}): ${b.total} events`;
      g.append(title);
      for (const type of types) {
        const n = b.counts[type] ?? 0;
        if (!n) continue;
        const h = (n / max) * (plot - 4);
        y -= h;
        g.append(
          el("rect", {
            x: i * bw + (bw > 3 ? 0.5 : 0),
            y,
            width: Math.max(0.5, bw - (bw > 3 ? 1 : 0)),
            height: h,
            fill: typeInfo(type).colour,
          }),
        );
      }
      svg.append(g);
    }
    // Axis labels: first, middle and last bucket.
    for (const i of new Set([0, Math.floor(series.length / 2), series.length - 1])) {
      const anchor = i === 0 ? "start" : i === series.length - 1 ? "end" : "middle";
      const x = i === 0 ? 0 : i === series.length - 1 ? width : i * bw + bw / 2;
      const t = el("text", { x, y: HEIGHT - 3, "text-anchor": anchor, class: "tl-axis" });
      t.textContent = series[i].date;
      svg.append(t);
    }
    const sel = this.#rangeToIndex();
    if (sel) {
      const [a, b] = sel;
      svg.append(el("rect", { x: 0, y: 0, width: a * bw, height: plot, class: "tl-outside" }));
      svg.append(el("rect", { x: (b + 1) * bw, y: 0, width: width - (b + 1) * bw, height: plot, class: "tl-outside" }));
      svg.append(el("rect", { x: a * bw, y: 0, width: (b - a + 1) * bw, height: plot, class: "tl-brush" }));
    }
    if (this.cursor) {
      const i = series.findIndex((b) => b.date === this.cursor);
      if (i >= 0) svg.append(el("rect", { x: i * bw, y: 0, width: Math.max(2, bw), height: plot, class: "tl-cursor" }));
    }
  }

  #rangeToIndex() {
    const { since, until } = this.range;
    const series = this.layout?.series;
    if (!series || (!since && !until)) return null;
    const bucket = this.layout.bucket;
    let a = series.findIndex((b) => !since || bucketEnd(b.date, bucket) >= since);
    let b = series.length - 1;
    while (b >= 0 && until && series[b].date > until) b--;
    if (a < 0 || b < a) return null;
    return [a, b];
  }

  #index(e) {
    const rect = this.svg.getBoundingClientRect();
    const x = ((e.clientX - rect.left) / rect.width) * this.layout.width;
    return Math.max(0, Math.min(this.layout.series.length - 1, Math.floor(x / this.layout.bw)));
  }

  #down(e) {
    if (!this.layout) return;
    this.svg.setPointerCapture(e.pointerId);
    this.drag = { start: this.#index(e), end: this.#index(e) };
  }

  #move(e) {
    if (!this.drag) return;
    this.drag.end = this.#index(e);
    const [a, b] = [this.drag.start, this.drag.end].sort((x, y) => x - y);
    const s = this.layout.series;
    this.range = { since: s[a].date, until: bucketEnd(s[b].date, this.layout.bucket) };
    this.draw();
  }

  #up(e) {
    if (!this.drag) return;
    this.drag.end = this.#index(e);
    const [a, b] = [this.drag.start, this.drag.end].sort((x, y) => x - y);
    this.drag = null;
    const s = this.layout.series;
    this.onRange(s[a].date, bucketEnd(s[b].date, this.layout.bucket));
  }
}
