/** ECharts option objects built on the server from experiment results: one small builder per chart kind. */
package io.incentivelab.notebook.chart;
