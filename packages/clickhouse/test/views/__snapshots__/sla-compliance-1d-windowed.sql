WITH
grp AS (
  SELECT workflow_session_id AS sid, toStartOfInterval(sample_ts, toIntervalMillisecond(3600000)) AS h_start,
    toStartOfInterval(sample_ts, toIntervalMillisecond(86400000)) AS window_start,
    orchestrator_address AS k_orch, pipeline AS k_pipe, ifNull(model_id, '') AS k_model,
    ifNull(gpu_id, '') AS k_gpu, ifNull(region, '') AS k_region,
    count() AS n, countIf(output_fps > 0 OR state IN ('ONLINE', 'DEGRADED_INFERENCE', 'DEGRADED_INPUT')) AS working,
    sum(output_fps) AS fps_sum, sum(output_fps * output_fps) AS fps_sq,
    groupArray(output_fps) AS fps
  FROM livepeer_analytics.v_latest_status
  WHERE sample_ts >= {start:DateTime64(3, 'UTC')} - toIntervalMillisecond(7200000) AND sample_ts < {end:DateTime64(3, 'UTC')} + toIntervalMillisecond(90000000)
  GROUP BY sid, h_start, window_start, k_orch, k_pipe, k_model, k_gpu, k_region
),
ends AS (
  SELECT workflow_session_id AS sid, toStartOfInterval(assumeNotNull(session_end_ts), toIntervalMillisecond(3600000)) AS end_h, 1 AS has_end
  FROM livepeer_analytics.v_latest_sessions
  WHERE session_end_ts IS NOT NULL AND session_start_ts < toStartOfInterval(assumeNotNull(session_end_ts), toIntervalMillisecond(3600000)) AND session_end_ts >= {start:DateTime64(3, 'UTC')} - toIntervalMillisecond(7200000)
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
placed AS (
  SELECT DISTINCT window_start, sid, k_orch, k_pipe, k_model, k_gpu, k_region
  FROM clean
  WHERE window_start >= {start:DateTime64(3, 'UTC')} AND window_start < {end:DateTime64(3, 'UTC')}
)
SELECT
  g.window_start AS window_start,
  g.k_orch AS orchestrator_address,
  g.k_pipe AS pipeline,
  g.k_model AS model_id,
  g.k_gpu AS gpu_id,
  g.k_region AS region,
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
  output_failed_sessions,
  effective_failed_sessions,
  status_error_samples,
  health_signal_count,
  health_expected_signal_count,
  if(health_expected_signal_count = 0, NULL, health_signal_count / health_expected_signal_count) AS health_completeness_ratio,
  if(known_sessions = 0, NULL, 1 - unexcused_sessions / known_sessions) AS startup_success_ratio,
  if(known_sessions = 0, NULL, 1 - effective_failed_sessions / known_sessions) AS success_ratio,
  if(known_sessions = 0, NULL, 1 - swapped_sessions / known_sessions) AS no_swap_ratio,
  if(known_sessions = 0, NULL, 1 - output_failed_sessions / known_sessions) AS output_viability_ratio,
  if(known_sessions = 0 OR health_expected_signal_count = 0, NULL, 100 * (health_signal_count / health_expected_signal_count) * (0.4 * (1 - unexcused_sessions / known_sessions) + 0.2 * (1 - swapped_sessions / known_sessions) + 0.4 * (1 - output_failed_sessions / known_sessions))) AS sla_score
FROM (
  SELECT p.window_start AS window_start, p.k_orch AS k_orch, p.k_pipe AS k_pipe, p.k_model AS k_model, p.k_gpu AS k_gpu, p.k_region AS k_region,
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
    sum(known_stream = 1 AND (loading_only_session = 1 OR zero_output_fps_session = 1)) AS output_failed_sessions,
    sum(known_stream = 1 AND (startup_unexcused = 1 OR zero_output_fps_session = 1 OR loading_only_session = 1)) AS effective_failed_sessions,
    sum(if(known_stream = 1, status_error_sample_count, 0)) AS status_error_samples,
    sum(if(known_stream = 1, health_signal_count, 0)) AS health_signal_count,
    sum(if(known_stream = 1, health_expected_signal_count, 0)) AS health_expected_signal_count
  FROM placed AS p
  INNER JOIN (
    SELECT workflow_session_id, known_stream, startup_success, startup_excused, startup_unexcused, confirmed_swap_count, inferred_orchestrator_change_count, error_count, last_error_occurred, loading_only_session, zero_output_fps_session, orchestrator_address, status_error_sample_count, health_signal_count, health_expected_signal_count FROM livepeer_analytics.v_latest_sessions
  ) AS s ON s.workflow_session_id = p.sid
  GROUP BY window_start, k_orch, k_pipe, k_model, k_gpu, k_region
) AS g