import { describe, expect, it } from "vitest";
import {
  createPipelineMetrics,
  metricsText,
  observeMs,
} from "../../src/health/pipeline-metrics.js";

describe("metricsText", () => {
  it("renders counters, lag per partition and histograms", () => {
    const m = createPipelineMetrics();
    m.consumed = 3;
    m.lag.set("t/1", 7);
    m.dlq.set("SCHEMA_INVALID/missing_type", 2);
    observeMs(m.batchLatency, 20);
    const text = metricsText(m);
    expect(text).toContain("lpa_events_input_total 3");
    expect(text).toContain('lpa_consumer_lag{topic="t",partition="1"} 7');
    expect(text).toContain(
      'lpa_events_dlq_total{failure_class="SCHEMA_INVALID",failure_reason="missing_type"} 2',
    );
    expect(text).toContain('lpa_batch_seconds_bucket{le="0.025"} 1');
    expect(text).toContain("lpa_batch_seconds_count 1");
  });
});
