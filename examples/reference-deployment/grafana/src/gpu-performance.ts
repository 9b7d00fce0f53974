import type { DashboardSpec } from "./panels.js";
import { avgFps, bucket, gpuKeyFilters, jitter, latencyAvg, ratio, t } from "./sql.js";
import { GPU, MODEL, ORCHESTRATOR, PIPELINE } from "./variables.js";

const GPU_METRICS = t("v_api_gpu_metrics");
const gpuLabel = "concat(ifNull(gpu_name, 'unknown GPU'), ' · ', gpu_id)";

/** Output FPS, jitter, latency and reliability per GPU (GET /v1/gpu/metrics). */
export const GPU_PERFORMANCE: DashboardSpec = {
  uid: "lpa-gpu-performance",
  title: "Livepeer · GPU performance",
  description:
    "GET /v1/gpu/metrics as dashboards: per orchestrator × pipeline × model × GPU, hourly (docs/metrics.md).",
  file: "gpu-performance",
  variables: [ORCHESTRATOR, PIPELINE, MODEL, GPU],
  panels: [
    {
      type: "timeseries",
      title: "Output FPS by GPU",
      description: "avg_output_fps = Σ output_fps_sum / Σ status_samples.",
      unit: "suffix: fps",
      sql: `SELECT ${bucket()} AS time, ${gpuLabel} AS gpu, ${avgFps} AS avg_output_fps
FROM ${GPU_METRICS}
WHERE $__timeFilter(window_start)
  AND ${gpuKeyFilters}
GROUP BY time, gpu
ORDER BY time`,
    },
    {
      type: "timeseries",
      title: "FPS jitter by GPU",
      description: "jitter_coeff_fps = population std-dev / mean of output FPS, from sums.",
      unit: "percentunit",
      min: 0,
      sql: `SELECT ${bucket()} AS time, ${gpuLabel} AS gpu, ${jitter} AS jitter_coeff_fps
FROM ${GPU_METRICS}
WHERE $__timeFilter(window_start)
  AND ${gpuKeyFilters}
GROUP BY time, gpu
ORDER BY time`,
    },
    {
      type: "timeseries",
      title: "Latency",
      description: "Averages over valid samples: prompt to first frame, startup time, end to end.",
      unit: "ms",
      sql: `SELECT ${bucket()} AS time,
  ${latencyAvg("prompt_to_first_frame_ms", "prompt_to_first_frame")} AS prompt_to_first_frame_ms,
  ${latencyAvg("startup_time_ms", "startup_time")} AS startup_time_ms,
  ${latencyAvg("e2e_latency_ms", "e2e_latency")} AS e2e_latency_ms
FROM ${GPU_METRICS}
WHERE $__timeFilter(window_start)
  AND ${gpuKeyFilters}
GROUP BY time
ORDER BY time`,
    },
    {
      type: "barchart",
      title: "Failure and swap rate by GPU model",
      description: "failure_rate = unexcused / known; swap_rate = swapped / known.",
      unit: "percentunit",
      sql: `SELECT ifNull(gpu_name, 'unknown GPU') AS gpu_name,
  ${ratio("sum(unexcused_sessions)", "sum(known_sessions)")} AS failure_rate,
  ${ratio("sum(swapped_sessions)", "sum(known_sessions)")} AS swap_rate
FROM ${GPU_METRICS}
WHERE $__timeFilter(window_start)
  AND ${gpuKeyFilters}
GROUP BY gpu_name
ORDER BY gpu_name`,
    },
    {
      type: "table",
      title: "GPUs",
      description: "Per GPU over the range: metadata, load, output and latency (counters summed).",
      w: 24,
      h: 9,
      sql: `SELECT orchestrator_address, gpu_id,
  any(gpu_name) AS gpu_name, any(cuda_version) AS cuda_version,
  any(gpu_memory_total) AS gpu_memory_total, any(runner_version) AS runner_version,
  sum(status_samples) AS samples,
  ${avgFps} AS avg_output_fps,
  ${jitter} AS jitter_coeff_fps,
  ${latencyAvg("e2e_latency_ms", "e2e_latency")} AS e2e_latency_ms,
  sum(known_sessions) AS known,
  ${ratio("sum(unexcused_sessions)", "sum(known_sessions)")} AS failure_rate
FROM ${GPU_METRICS}
WHERE $__timeFilter(window_start)
  AND ${gpuKeyFilters}
GROUP BY orchestrator_address, gpu_id
ORDER BY orchestrator_address, gpu_id
LIMIT 500`,
    },
    {
      type: "table",
      title: "Hourly rows (as the API returns them)",
      description:
        "Rows of v_api_gpu_metrics with the non-additive p95 fields, newest first (p95 values cannot be combined across rows).",
      w: 24,
      h: 9,
      sql: `SELECT window_start, orchestrator_address, pipeline, model_id, gpu_id,
  status_samples, avg_output_fps, p95_output_fps, jitter_coeff_fps,
  p95_prompt_to_first_frame_ms, p95_startup_time_ms, p95_e2e_latency_ms,
  known_sessions, failure_rate, swap_rate
FROM ${GPU_METRICS}
WHERE $__timeFilter(window_start)
  AND ${gpuKeyFilters}
ORDER BY window_start DESC, orchestrator_address, pipeline, model_id, gpu_id
LIMIT 500`,
    },
  ],
};
