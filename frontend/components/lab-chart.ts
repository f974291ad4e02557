import { LitElement, PropertyValues, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as echarts from 'echarts';

/**
 * An Apache ECharts chart whose option object is set from the server (a JSON element property).
 *
 * Rendered as SVG so the chart's marks are part of the DOM. Vaadin may detach and re-attach the element while it
 * builds a view, so the chart is (re)created on connect as well as on first update, and disposed on disconnect.
 * After each update the attribute `data-points` holds the number of data points drawn, for tests and tools; the
 * attribute `finished` is set when ECharts fires its `finished` event (drawn, animations over) after the latest
 * option, and removed whenever a new option is set, the chart's size changes or the chart is disposed, so that a
 * test or a screenshot can wait for a chart that has settled.
 */
@customElement('lab-chart')
export class LabChart extends LitElement {
  @property({ type: Object }) option: Record<string, unknown> | null = null;

  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;

  static styles = css`
    :host { display: block; width: 100%; height: 360px; position: relative; }
    #chart { width: 100%; height: 100%; }
  `;

  render() {
    return html`<div id="chart" part="chart"></div>`;
  }

  protected firstUpdated(): void {
    this.createChart();
  }

  connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      this.createChart();
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.chart?.dispose();
    this.chart = undefined;
    this.removeAttribute('finished');
  }

  protected updated(changed: PropertyValues): void {
    if (changed.has('option')) {
      this.applyOption();
    }
  }

  private createChart(): void {
    const container = this.renderRoot.querySelector('#chart') as HTMLElement | null;
    if (!container || this.chart) {
      return;
    }
    const chart = echarts.init(container, undefined, { renderer: 'svg' });
    this.chart = chart;
    chart.on('finished', () => {
      if (this.chart === chart) {
        this.setAttribute('finished', '');
      }
    });
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
    this.applyOption();
  }

  /** Fits the chart to its container; a chart that changes size is drawn again, so it is not finished until then. */
  private resize(): void {
    const container = this.renderRoot.querySelector('#chart') as HTMLElement | null;
    if (!this.chart || !container) {
      return;
    }
    if (container.clientWidth === this.chart.getWidth() && container.clientHeight === this.chart.getHeight()) {
      return;
    }
    this.removeAttribute('finished');
    this.chart.resize();
    this.chart.getZr().refresh(); // one more frame, so that `finished` comes even if nothing had to be drawn anew
  }

  private applyOption(): void {
    if (!this.chart || !this.option) {
      return;
    }
    this.removeAttribute('finished');
    this.chart.setOption(this.option as echarts.EChartsOption, true);
    this.setAttribute('data-points', String(countPoints(this.option)));
  }

  /** Rasterises the chart (drawn as SVG) onto a canvas and downloads it as a PNG file. */
  async downloadPng(filename: string): Promise<void> {
    if (!this.chart) {
      return;
    }
    const width = this.chart.getWidth();
    const height = this.chart.getHeight();
    const svg = this.chart.renderToSVGString();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
    try {
      const image = await loadImage(url);
      const scale = 2;
      const canvas = document.createElement('canvas');
      canvas.width = width * scale;
      canvas.height = height * scale;
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      const link = document.createElement('a');
      link.download = filename.endsWith('.png') ? filename : filename + '.png';
      link.href = canvas.toDataURL('image/png');
      document.body.appendChild(link);
      link.click();
      link.remove();
    } finally {
      URL.revokeObjectURL(url);
    }
  }
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('could not rasterise the chart'));
    image.src = url;
  });
}

function countPoints(option: Record<string, unknown>): number {
  const series = option['series'];
  const list = Array.isArray(series) ? series : series ? [series] : [];
  let total = 0;
  for (const s of list as Array<Record<string, unknown>>) {
    const data = s['data'];
    if (Array.isArray(data)) {
      total += data.length;
    }
  }
  return total;
}

declare global {
  interface HTMLElementTagNameMap {
    'lab-chart': LabChart;
  }
}
