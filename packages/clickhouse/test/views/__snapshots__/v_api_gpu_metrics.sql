CREATE OR REPLACE VIEW livepeer_analytics.v_api_gpu_metrics AS
WITH
grp AS (
  SELECT workflow_session_id AS sid, toStartOfInterval(sample_ts, toIntervalMillisecond(3600000)) AS h_start,
    toStartOfInterval(sample_ts, toIntervalMillisecond(3600000)) AS window_start,
    orchestrator_address AS k_orch, pipeline AS k_pipe, ifNull(model_id, '') AS k_model,
    ifNull(gpu_id, '') AS k_gpu, ifNull(region, '') AS k_region,
    count() AS n, countIf(output_fps > 0 OR state IN ('ONLINE', 'DEGRADED_INFERENCE', 'DEGRADED_INPUT')) AS working,
    sum(output_fps) AS fps_sum, sum(output_fps * output_fps) AS fps_sq,
    groupArray(output_fps) AS fps
  FROM livepeer_analytics.v_latest_status
  WHERE 1
  GROUP BY sid, h_start, window_start, k_orch, k_pipe, k_model, k_gpu, k_region
),
ends AS (
  SELECT workflow_session_id AS sid, toStartOfInterval(assumeNotNull(session_end_ts), toIntervalMillisecond(3600000)) AS end_h, 1 AS has_end
  FROM livepeer_analytics.v_latest_sessions
  WHERE session_end_ts IS NOT NULL AND session_start_ts < toStartOfInterval(assumeNotNull(session_end_ts), toIntervalMillisecond(3600000))
),
clean AS (
  SELECT sid, window_start, k_orch, k_pipe, k_model, k_gpu, k_region, n, fps_sum, fps_sq, fps
  FROM (
    SELECT *,
      sumIf(n, in_end) OVER sk AS n_end, sumIf(working, in_end) OVER sk AS w_end,
      sumIf(n, in_prev) OVER sk AS n_prev, sumIf(working, in_prev) OVER sk AS w_prev
    FROM (
      SELECT g.*, ifNull(e.has_end = 1 AND e.end_h = g.h_start, 0) AS in_end,
        ifNull(e.has_end = 1 AND e.end_h - toIntervalHour(1) = g.h_start, 0) AS in_prev
      FROM grp AS g LEFT JOIN ends AS e ON e.sid = g.sid
    )
    WINDOW sk AS (PARTITION BY sid, k_orch, k_pipe, k_model, k_gpu, k_region)
  )
  WHERE NOT (in_end AND n_end < 3 AND w_end = 0 AND n_prev > 0 AND n_prev < 3 AND w_prev = 0)
),
meta AS (
  SELECT m_orch, m_gpu, latest.1 AS gpu_name, latest.2 AS runner_version, latest.3 AS cuda_version,
    latest.4 AS gpu_memory_total
  FROM (
    SELECT orchestrator_address AS m_orch, assumeNotNull(gpu_id) AS m_gpu,
      argMax(tuple(gpu_name, runner_version, if(gpu_major IS NULL, NULL, if(gpu_minor IS NULL, toString(gpu_major),
      concat(toString(gpu_major), '.', toString(gpu_minor)))), gpu_memory_total),
        tuple(snapshot_ts, source_event_uid, snapshot_row_ordinal)) AS latest
    FROM livepeer_analytics.dim_orchestrator_capability_snapshots
    WHERE gpu_id IS NOT NULL
    GROUP BY m_orch, m_gpu
  )
)
SELECT
  g.window_start AS window_start,
  g.k_orch AS orchestrator_address,
  g.k_pipe AS pipeline,
  g.k_model AS model_id,
  g.k_gpu AS gpu_id,
  g.k_region AS region,
  m.gpu_name AS gpu_name,
  m.runner_version AS runner_version,
  m.cuda_version AS cuda_version,
  m.gpu_memory_total AS gpu_memory_total,
  status_samples,
  output_fps_sum,
  output_fps_sq_sum,
  if(status_samples = 0, NULL, output_fps_sum / status_samples) AS avg_output_fps,
  if(status_samples = 0 OR (output_fps_sum / status_samples) = 0, NULL, sqrt(greatest(0, output_fps_sq_sum / status_samples - (output_fps_sum / status_samples) * (output_fps_sum / status_samples))) / (output_fps_sum / status_samples)) AS jitter_coeff_fps,
  p95_output_fps,
  if(prompt_to_first_frame_sample_count = 0, NULL, prompt_to_first_frame_ms_sum / prompt_to_first_frame_sample_count) AS prompt_to_first_frame_ms,
  if(startup_time_sample_count = 0, NULL, startup_time_ms_sum / startup_time_sample_count) AS startup_time_ms,
  if(e2e_latency_sample_count = 0, NULL, e2e_latency_ms_sum / e2e_latency_sample_count) AS e2e_latency_ms,
  p95_prompt_to_first_frame_ms,
  p95_startup_time_ms,
  p95_e2e_latency_ms,
  prompt_to_first_frame_ms_sum,
  startup_time_ms_sum,
  e2e_latency_ms_sum,
  prompt_to_first_frame_sample_count,
  startup_time_sample_count,
  e2e_latency_sample_count,
  known_sessions,
  unknown_sessions,
  success_sessions,
  excused_sessions,
  unexcused_sessions,
  confirmed_swapped_sessions,
  inferred_orchestrator_change_sessions,
  swapped_sessions,
  sessions_with_errors,
  sessions_with_last_error,
  loading_only_sessions,
  zero_output_fps_sessions,
  status_error_samples,
  health_signal_count,
  health_expected_signal_count,
  if(health_expected_signal_count = 0, NULL, health_signal_count / health_expected_signal_count) AS health_completeness_ratio,
  if(known_sessions = 0, NULL, unexcused_sessions / known_sessions) AS failure_rate,
  if(known_sessions = 0, NULL, swapped_sessions / known_sessions) AS swap_rate
FROM (
  SELECT window_start, k_orch, k_pipe, k_model, k_gpu, k_region,
    sum(status_samples) AS status_samples,
    sum(output_fps_sum) AS output_fps_sum,
    sum(output_fps_sq_sum) AS output_fps_sq_sum,
    max(p95_output_fps) AS p95_output_fps,
    sum(prompt_to_first_frame_ms_sum) AS prompt_to_first_frame_ms_sum,
    sum(startup_time_ms_sum) AS startup_time_ms_sum,
    sum(e2e_latency_ms_sum) AS e2e_latency_ms_sum,
    sum(prompt_to_first_frame_sample_count) AS prompt_to_first_frame_sample_count,
    sum(startup_time_sample_count) AS startup_time_sample_count,
    sum(e2e_latency_sample_count) AS e2e_latency_sample_count,
    max(p95_prompt_to_first_frame_ms) AS p95_prompt_to_first_frame_ms,
    max(p95_startup_time_ms) AS p95_startup_time_ms,
    max(p95_e2e_latency_ms) AS p95_e2e_latency_ms,
    sum(known_sessions) AS known_sessions,
    sum(unknown_sessions) AS unknown_sessions,
    sum(success_sessions) AS success_sessions,
    sum(excused_sessions) AS excused_sessions,
    sum(unexcused_sessions) AS unexcused_sessions,
    sum(confirmed_swapped_sessions) AS confirmed_swapped_sessions,
    sum(inferred_orchestrator_change_sessions) AS inferred_orchestrator_change_sessions,
    sum(swapped_sessions) AS swapped_sessions,
    sum(sessions_with_errors) AS sessions_with_errors,
    sum(sessions_with_last_error) AS sessions_with_last_error,
    sum(loading_only_sessions) AS loading_only_sessions,
    sum(zero_output_fps_sessions) AS zero_output_fps_sessions,
    sum(status_error_samples) AS status_error_samples,
    sum(health_signal_count) AS health_signal_count,
    sum(health_expected_signal_count) AS health_expected_signal_count
  FROM (
  (SELECT window_start, k_orch, k_pipe, k_model, k_gpu, k_region,
    sum(n) AS status_samples,
    sum(fps_sum) AS output_fps_sum,
    sum(fps_sq) AS output_fps_sq_sum,
    toNullable(quantileExactInclusiveArray(0.95)(fps)) AS p95_output_fps,
    toFloat64(0) AS prompt_to_first_frame_ms_sum,
    toFloat64(0) AS startup_time_ms_sum,
    toFloat64(0) AS e2e_latency_ms_sum,
    toUInt64(0) AS prompt_to_first_frame_sample_count,
    toUInt64(0) AS startup_time_sample_count,
    toUInt64(0) AS e2e_latency_sample_count,
    CAST(NULL AS Nullable(Float64)) AS p95_prompt_to_first_frame_ms,
    CAST(NULL AS Nullable(Float64)) AS p95_startup_time_ms,
    CAST(NULL AS Nullable(Float64)) AS p95_e2e_latency_ms,
    toUInt64(0) AS known_sessions,
    toUInt64(0) AS unknown_sessions,
    toUInt64(0) AS success_sessions,
    toUInt64(0) AS excused_sessions,
    toUInt64(0) AS unexcused_sessions,
    toUInt64(0) AS confirmed_swapped_sessions,
    toUInt64(0) AS inferred_orchestrator_change_sessions,
    toUInt64(0) AS swapped_sessions,
    toUInt64(0) AS sessions_with_errors,
    toUInt64(0) AS sessions_with_last_error,
    toUInt64(0) AS loading_only_sessions,
    toUInt64(0) AS zero_output_fps_sessions,
    toUInt64(0) AS status_error_samples,
    toUInt64(0) AS health_signal_count,
    toUInt64(0) AS health_expected_signal_count
  FROM clean
  WHERE k_orch != '' AND k_gpu != '' AND 1
  GROUP BY window_start, k_orch, k_pipe, k_model, k_gpu, k_region)
  UNION ALL
  (SELECT window_start, k_orch, k_pipe, k_model, k_gpu, k_region,
    toUInt64(0) AS status_samples,
    toFloat64(0) AS output_fps_sum,
    toFloat64(0) AS output_fps_sq_sum,
    CAST(NULL AS Nullable(Float64)) AS p95_output_fps,
    sumIf(ifNull(prompt_to_first_frame_ms, 0), has_prompt_to_first_frame = 1 AND prompt_to_first_frame_ms IS NOT NULL) AS prompt_to_first_frame_ms_sum,
    sumIf(ifNull(startup_time_ms, 0), has_startup_time = 1 AND startup_time_ms IS NOT NULL) AS startup_time_ms_sum,
    sumIf(ifNull(e2e_latency_ms, 0), has_e2e_latency = 1 AND e2e_latency_ms IS NOT NULL) AS e2e_latency_ms_sum,
    countIf(has_prompt_to_first_frame = 1 AND prompt_to_first_frame_ms IS NOT NULL) AS prompt_to_first_frame_sample_count,
    countIf(has_startup_time = 1 AND startup_time_ms IS NOT NULL) AS startup_time_sample_count,
    countIf(has_e2e_latency = 1 AND e2e_latency_ms IS NOT NULL) AS e2e_latency_sample_count,
    if(countIf(has_prompt_to_first_frame = 1 AND prompt_to_first_frame_ms IS NOT NULL) = 0, NULL, quantileExactInclusiveIf(0.95)(ifNull(prompt_to_first_frame_ms, 0), has_prompt_to_first_frame = 1 AND prompt_to_first_frame_ms IS NOT NULL)) AS p95_prompt_to_first_frame_ms,
    if(countIf(has_startup_time = 1 AND startup_time_ms IS NOT NULL) = 0, NULL, quantileExactInclusiveIf(0.95)(ifNull(startup_time_ms, 0), has_startup_time = 1 AND startup_time_ms IS NOT NULL)) AS p95_startup_time_ms,
    if(countIf(has_e2e_latency = 1 AND e2e_latency_ms IS NOT NULL) = 0, NULL, quantileExactInclusiveIf(0.95)(ifNull(e2e_latency_ms, 0), has_e2e_latency = 1 AND e2e_latency_ms IS NOT NULL)) AS p95_e2e_latency_ms,
    toUInt64(0) AS known_sessions,
    toUInt64(0) AS unknown_sessions,
    toUInt64(0) AS success_sessions,
    toUInt64(0) AS excused_sessions,
    toUInt64(0) AS unexcused_sessions,
    toUInt64(0) AS confirmed_swapped_sessions,
    toUInt64(0) AS inferred_orchestrator_change_sessions,
    toUInt64(0) AS swapped_sessions,
    toUInt64(0) AS sessions_with_errors,
    toUInt64(0) AS sessions_with_last_error,
    toUInt64(0) AS loading_only_sessions,
    toUInt64(0) AS zero_output_fps_sessions,
    toUInt64(0) AS status_error_samples,
    toUInt64(0) AS health_signal_count,
    toUInt64(0) AS health_expected_signal_count
  FROM (SELECT prompt_to_first_frame_ms, has_prompt_to_first_frame, startup_time_ms, has_startup_time, e2e_latency_ms, has_e2e_latency, toStartOfInterval(sample_ts, toIntervalMillisecond(3600000)) AS window_start, orchestrator_address AS k_orch,
    multiIf(match(pipeline, '^[\x00-\x20]*$'), '', NOT match(ifNull(model_id, ''), '^[\x00-\x20]*$') AND lowerUTF8(replaceRegexpAll(pipeline, '^[\x00-\x20]+|[\x00-\x20]+$', '')) = lowerUTF8(replaceRegexpAll(ifNull(model_id, ''), '^[\x00-\x20]+|[\x00-\x20]+$', '')), '', pipeline) AS k_pipe, ifNull(model_id, '') AS k_model,
    ifNull(gpu_id, '') AS k_gpu, ifNull(region, '') AS k_region FROM livepeer_analytics.v_latest_latency)
  WHERE k_orch != '' AND k_gpu != '' AND 1
  GROUP BY window_start, k_orch, k_pipe, k_model, k_gpu, k_region)
  UNION ALL
  (SELECT window_start, k_orch, k_pipe, k_model, k_gpu, k_region,
    toUInt64(0) AS status_samples,
    toFloat64(0) AS output_fps_sum,
    toFloat64(0) AS output_fps_sq_sum,
    CAST(NULL AS Nullable(Float64)) AS p95_output_fps,
    toFloat64(0) AS prompt_to_first_frame_ms_sum,
    toFloat64(0) AS startup_time_ms_sum,
    toFloat64(0) AS e2e_latency_ms_sum,
    toUInt64(0) AS prompt_to_first_frame_sample_count,
    toUInt64(0) AS startup_time_sample_count,
    toUInt64(0) AS e2e_latency_sample_count,
    CAST(NULL AS Nullable(Float64)) AS p95_prompt_to_first_frame_ms,
    CAST(NULL AS Nullable(Float64)) AS p95_startup_time_ms,
    CAST(NULL AS Nullable(Float64)) AS p95_e2e_latency_ms,
    sum(known_stream = 1) AS known_sessions,
    sum(NOT (known_stream = 1)) AS unknown_sessions,
    sum(known_stream = 1 AND startup_success = 1) AS success_sessions,
    sum(known_stream = 1 AND startup_excused = 1) AS excused_sessions,
    sum(known_stream = 1 AND startup_unexcused = 1) AS unexcused_sessions,
    sum(known_stream = 1 AND confirmed_swap_count > 0) AS confirmed_swapped_sessions,
    sum(known_stream = 1 AND inferred_orchestrator_change_count > 0) AS inferred_orchestrator_change_sessions,
    sum(known_stream = 1 AND (confirmed_swap_count > 0 OR inferred_orchestrator_change_count > 0)) AS swapped_sessions,
    sum(known_stream = 1 AND error_count > 0) AS sessions_with_errors,
    sum(known_stream = 1 AND last_error_occurred = 1) AS sessions_with_last_error,
    sum(known_stream = 1 AND loading_only_session = 1) AS loading_only_sessions,
    sum(known_stream = 1 AND zero_output_fps_session = 1) AS zero_output_fps_sessions,
    sum(if(known_stream = 1, status_error_sample_count, 0)) AS status_error_samples,
    sum(if(known_stream = 1, health_signal_count, 0)) AS health_signal_count,
    sum(if(known_stream = 1, health_expected_signal_count, 0)) AS health_expected_signal_count
  FROM (SELECT known_stream, startup_success, startup_excused, startup_unexcused, confirmed_swap_count, inferred_orchestrator_change_count, error_count, last_error_occurred, loading_only_session, zero_output_fps_session, orchestrator_address, status_error_sample_count, health_signal_count, health_expected_signal_count, toStartOfInterval(session_start_ts, toIntervalMillisecond(3600000)) AS window_start, orchestrator_address AS k_orch,
    multiIf(match(pipeline, '^[\x00-\x20]*$'), '', NOT match(ifNull(model_id, ''), '^[\x00-\x20]*$') AND lowerUTF8(replaceRegexpAll(pipeline, '^[\x00-\x20]+|[\x00-\x20]+$', '')) = lowerUTF8(replaceRegexpAll(ifNull(model_id, ''), '^[\x00-\x20]+|[\x00-\x20]+$', '')), '', pipeline) AS k_pipe, ifNull(model_id, '') AS k_model,
    ifNull(gpu_id, '') AS k_gpu, ifNull(region, '') AS k_region
    FROM livepeer_analytics.v_latest_sessions)
  WHERE k_orch != '' AND k_gpu != '' AND 1
  GROUP BY window_start, k_orch, k_pipe, k_model, k_gpu, k_region)
  )
  GROUP BY window_start, k_orch, k_pipe, k_model, k_gpu, k_region
) AS g
LEFT JOIN meta AS m ON m.m_orch = g.k_orch AND m.m_gpu = g.k_gpu