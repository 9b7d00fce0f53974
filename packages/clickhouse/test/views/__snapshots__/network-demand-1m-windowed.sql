WITH
pay AS (
  SELECT raw_event_uid, event_timestamp, gateway, request_id, face_value_wei, toStartOfInterval(event_timestamp, toIntervalMillisecond(60000)) AS window_start
  FROM livepeer_analytics.v_latest_payments
  WHERE toStartOfInterval(event_timestamp, toIntervalMillisecond(60000)) >= {start:DateTime64(3, 'UTC')} AND toStartOfInterval(event_timestamp, toIntervalMillisecond(60000)) < {end:DateTime64(3, 'UTC')}
),
cand AS (
  SELECT p.raw_event_uid AS puid, argMin(s.workflow_session_id, tuple(NOT (s.session_start_ts <= p.event_timestamp), if(s.session_start_ts <= p.event_timestamp, -toUnixTimestamp64Milli(s.session_start_ts), toUnixTimestamp64Milli(s.session_start_ts)), s.workflow_session_id)) AS msid, 1 AS matched
  FROM pay AS p
  INNER JOIN (
    SELECT workflow_session_id, request_id, session_start_ts FROM livepeer_analytics.v_latest_sessions
    WHERE request_id != ''
  ) AS s ON s.request_id = p.request_id
  WHERE p.request_id != ''
  GROUP BY p.raw_event_uid
),
dk AS (
  SELECT *, multiIf(match(if(k_pipe0 = '', if(fb_n = 1, fb_pipe, ''), k_pipe0), '^[\x00-\x20]*$'), '', NOT match(ifNull(k_model, ''), '^[\x00-\x20]*$') AND lowerUTF8(replaceRegexpAll(if(k_pipe0 = '', if(fb_n = 1, fb_pipe, ''), k_pipe0), '^[\x00-\x20]+|[\x00-\x20]+$', '')) = lowerUTF8(replaceRegexpAll(ifNull(k_model, ''), '^[\x00-\x20]+|[\x00-\x20]+$', '')), '', if(k_pipe0 = '', if(fb_n = 1, fb_pipe, ''), k_pipe0)) AS k_pipe
  FROM (
    SELECT *,
      uniqExactIf(k_pipe0, k_pipe0 != '') OVER fbw AS fb_n,
      anyIf(k_pipe0, k_pipe0 != '') OVER fbw AS fb_pipe
    FROM (
      SELECT workflow_session_id, known_stream, startup_success, startup_excused, startup_unexcused, confirmed_swap_count, inferred_orchestrator_change_count, error_count, last_error_occurred, loading_only_session, zero_output_fps_session, orchestrator_address, status_error_sample_count, health_signal_count, health_expected_signal_count,
        toStartOfInterval(session_start_ts, toIntervalMillisecond(60000)) AS window_start, gateway AS k_gw, ifNull(region, '') AS k_region,
        multiIf(match(pipeline, '^[\x00-\x20]*$'), '', NOT match(ifNull(model_id, ''), '^[\x00-\x20]*$') AND lowerUTF8(replaceRegexpAll(pipeline, '^[\x00-\x20]+|[\x00-\x20]+$', '')) = lowerUTF8(replaceRegexpAll(ifNull(model_id, ''), '^[\x00-\x20]+|[\x00-\x20]+$', '')), '', pipeline) AS k_pipe0, ifNull(model_id, '') AS k_model
      FROM livepeer_analytics.v_latest_sessions
    )
    WINDOW fbw AS (PARTITION BY window_start, k_gw, k_region, k_model)
  )
),
fb AS (
  SELECT window_start, k_gw, k_region, k_model, if(uniqExact(k_pipe0) = 1, any(k_pipe0), '') AS fb_pipe
  FROM dk WHERE k_pipe0 != ''
  GROUP BY window_start, k_gw, k_region, k_model
)
SELECT
  g.window_start AS window_start,
  g.k_gw AS gateway,
  g.k_region AS region,
  g.k_pipe AS pipeline,
  g.k_model AS model_id,
  total_streams,
  total_sessions,
  status_samples,
  output_fps_sum,
  if(status_samples = 0, NULL, output_fps_sum / status_samples) AS avg_output_fps,
  status_samples / 60 AS total_inference_minutes,
  known_sessions,
  unknown_sessions,
  served_sessions,
  unserved_sessions,
  served_sessions + unserved_sessions AS total_demand_sessions,
  unserved_sessions AS missing_capacity_count,
  success_sessions,
  excused_sessions,
  unexcused_sessions,
  effective_failed_sessions,
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
  if(known_sessions = 0, NULL, 1 - unexcused_sessions / known_sessions) AS startup_success_ratio,
  if(known_sessions = 0, NULL, 1 - effective_failed_sessions / known_sessions) AS success_ratio,
  payment_count,
  toString(fee_wei_sum) AS fee_payment_wei,
  toFloat64(concat(toString(fee_wei_sum), 'e-18')) AS fee_payment_eth
FROM (
  SELECT window_start, k_gw, k_region, k_pipe, k_model,
    sum(total_streams) AS total_streams,
    sum(total_sessions) AS total_sessions,
    sum(status_samples) AS status_samples,
    sum(output_fps_sum) AS output_fps_sum,
    sum(known_sessions) AS known_sessions,
    sum(unknown_sessions) AS unknown_sessions,
    sum(served_sessions) AS served_sessions,
    sum(unserved_sessions) AS unserved_sessions,
    sum(success_sessions) AS success_sessions,
    sum(excused_sessions) AS excused_sessions,
    sum(unexcused_sessions) AS unexcused_sessions,
    sum(effective_failed_sessions) AS effective_failed_sessions,
    sum(confirmed_swapped_sessions) AS confirmed_swapped_sessions,
    sum(inferred_orchestrator_change_sessions) AS inferred_orchestrator_change_sessions,
    sum(swapped_sessions) AS swapped_sessions,
    sum(sessions_with_errors) AS sessions_with_errors,
    sum(sessions_with_last_error) AS sessions_with_last_error,
    sum(loading_only_sessions) AS loading_only_sessions,
    sum(zero_output_fps_sessions) AS zero_output_fps_sessions,
    sum(status_error_samples) AS status_error_samples,
    sum(health_signal_count) AS health_signal_count,
    sum(health_expected_signal_count) AS health_expected_signal_count,
    sum(payment_count) AS payment_count,
    sum(fee_wei_sum) AS fee_wei_sum
  FROM (
  (SELECT window_start, k_gw, k_region, k_pipe, k_model,
    uniqExactMerge(streams) AS total_streams,
    uniqExactMerge(sessions) AS total_sessions,
    sum(n) AS status_samples,
    sum(fps_sum) AS output_fps_sum,
    toUInt64(0) AS known_sessions,
    toUInt64(0) AS unknown_sessions,
    toUInt64(0) AS served_sessions,
    toUInt64(0) AS unserved_sessions,
    toUInt64(0) AS success_sessions,
    toUInt64(0) AS excused_sessions,
    toUInt64(0) AS unexcused_sessions,
    toUInt64(0) AS effective_failed_sessions,
    toUInt64(0) AS confirmed_swapped_sessions,
    toUInt64(0) AS inferred_orchestrator_change_sessions,
    toUInt64(0) AS swapped_sessions,
    toUInt64(0) AS sessions_with_errors,
    toUInt64(0) AS sessions_with_last_error,
    toUInt64(0) AS loading_only_sessions,
    toUInt64(0) AS zero_output_fps_sessions,
    toUInt64(0) AS status_error_samples,
    toUInt64(0) AS health_signal_count,
    toUInt64(0) AS health_expected_signal_count,
    toUInt64(0) AS payment_count,
    toUInt256(0) AS fee_wei_sum
  FROM (
    SELECT r.*, multiIf(match(if(r.k_pipe_raw = '', ifNull(fb.fb_pipe, ''), r.k_pipe_raw), '^[\x00-\x20]*$'), '', NOT match(ifNull(r.k_model, ''), '^[\x00-\x20]*$') AND lowerUTF8(replaceRegexpAll(if(r.k_pipe_raw = '', ifNull(fb.fb_pipe, ''), r.k_pipe_raw), '^[\x00-\x20]+|[\x00-\x20]+$', '')) = lowerUTF8(replaceRegexpAll(ifNull(r.k_model, ''), '^[\x00-\x20]+|[\x00-\x20]+$', '')), '', if(r.k_pipe_raw = '', ifNull(fb.fb_pipe, ''), r.k_pipe_raw)) AS k_pipe
    FROM (SELECT toStartOfInterval(sample_ts, toIntervalMillisecond(60000)) AS window_start, gateway AS k_gw, ifNull(region, '') AS k_region,
      pipeline AS k_pipe_raw, ifNull(model_id, '') AS k_model,
      uniqExactState(stream_id) AS streams, uniqExactState(workflow_session_id) AS sessions,
      count() AS n, sum(output_fps) AS fps_sum
    FROM livepeer_analytics.v_latest_status
    WHERE sample_ts >= {start:DateTime64(3, 'UTC')} - toIntervalMillisecond(0) AND sample_ts < {end:DateTime64(3, 'UTC')} + toIntervalMillisecond(60000) AND toStartOfInterval(sample_ts, toIntervalMillisecond(60000)) >= {start:DateTime64(3, 'UTC')} AND toStartOfInterval(sample_ts, toIntervalMillisecond(60000)) < {end:DateTime64(3, 'UTC')}
    GROUP BY window_start, k_gw, k_region, k_pipe_raw, k_model) AS r LEFT JOIN fb ON fb.window_start = r.window_start AND fb.k_gw = r.k_gw AND fb.k_region = r.k_region AND fb.k_model = r.k_model
  )
  GROUP BY window_start, k_gw, k_region, k_pipe, k_model)
  UNION ALL
  (SELECT window_start, k_gw, k_region, k_pipe, k_model,
    toUInt64(0) AS total_streams,
    toUInt64(0) AS total_sessions,
    toUInt64(0) AS status_samples,
    toFloat64(0) AS output_fps_sum,
    sum(known_stream = 1) AS known_sessions,
    sum(NOT (known_stream = 1)) AS unknown_sessions,
    sum(known_stream = 1 AND orchestrator_address != '') AS served_sessions,
    sum(known_stream = 1 AND orchestrator_address = '') AS unserved_sessions,
    sum(known_stream = 1 AND startup_success = 1) AS success_sessions,
    sum(known_stream = 1 AND startup_excused = 1) AS excused_sessions,
    sum(known_stream = 1 AND startup_unexcused = 1) AS unexcused_sessions,
    sum(known_stream = 1 AND (startup_unexcused = 1 OR zero_output_fps_session = 1 OR loading_only_session = 1)) AS effective_failed_sessions,
    sum(known_stream = 1 AND confirmed_swap_count > 0) AS confirmed_swapped_sessions,
    sum(known_stream = 1 AND inferred_orchestrator_change_count > 0) AS inferred_orchestrator_change_sessions,
    sum(known_stream = 1 AND (confirmed_swap_count > 0 OR inferred_orchestrator_change_count > 0)) AS swapped_sessions,
    sum(known_stream = 1 AND error_count > 0) AS sessions_with_errors,
    sum(known_stream = 1 AND last_error_occurred = 1) AS sessions_with_last_error,
    sum(known_stream = 1 AND loading_only_session = 1) AS loading_only_sessions,
    sum(known_stream = 1 AND zero_output_fps_session = 1) AS zero_output_fps_sessions,
    sum(if(known_stream = 1, status_error_sample_count, 0)) AS status_error_samples,
    sum(if(known_stream = 1, health_signal_count, 0)) AS health_signal_count,
    sum(if(known_stream = 1, health_expected_signal_count, 0)) AS health_expected_signal_count,
    toUInt64(0) AS payment_count,
    toUInt256(0) AS fee_wei_sum
  FROM dk WHERE window_start >= {start:DateTime64(3, 'UTC')} AND window_start < {end:DateTime64(3, 'UTC')}
  GROUP BY window_start, k_gw, k_region, k_pipe, k_model)
  UNION ALL
  (SELECT window_start, k_gw, k_region, k_pipe, k_model,
    toUInt64(0) AS total_streams,
    toUInt64(0) AS total_sessions,
    toUInt64(0) AS status_samples,
    toFloat64(0) AS output_fps_sum,
    toUInt64(0) AS known_sessions,
    toUInt64(0) AS unknown_sessions,
    toUInt64(0) AS served_sessions,
    toUInt64(0) AS unserved_sessions,
    toUInt64(0) AS success_sessions,
    toUInt64(0) AS excused_sessions,
    toUInt64(0) AS unexcused_sessions,
    toUInt64(0) AS effective_failed_sessions,
    toUInt64(0) AS confirmed_swapped_sessions,
    toUInt64(0) AS inferred_orchestrator_change_sessions,
    toUInt64(0) AS swapped_sessions,
    toUInt64(0) AS sessions_with_errors,
    toUInt64(0) AS sessions_with_last_error,
    toUInt64(0) AS loading_only_sessions,
    toUInt64(0) AS zero_output_fps_sessions,
    toUInt64(0) AS status_error_samples,
    toUInt64(0) AS health_signal_count,
    toUInt64(0) AS health_expected_signal_count,
    count() AS payment_count,
    sum(ifNull(face_value_wei, toUInt256(0))) AS fee_wei_sum
  FROM (
    SELECT p.window_start AS window_start, if(ifNull(c.matched, 0) = 1, ifNull(k.k_gw, ''), p.gateway) AS k_gw, if(ifNull(c.matched, 0) = 1, ifNull(k.k_region, ''), '') AS k_region,
      if(ifNull(c.matched, 0) = 1, ifNull(k.k_pipe, ''), '') AS k_pipe, if(ifNull(c.matched, 0) = 1, ifNull(k.k_model, ''), '') AS k_model, p.face_value_wei AS face_value_wei
    FROM pay AS p
    LEFT JOIN cand AS c ON c.puid = p.raw_event_uid
    LEFT JOIN dk AS k ON k.workflow_session_id = c.msid
  )
  GROUP BY window_start, k_gw, k_region, k_pipe, k_model)
  )
  GROUP BY window_start, k_gw, k_region, k_pipe, k_model
) AS g