SELECT * REPLACE (toUnixTimestamp64Milli(window_start) AS window_start)
FROM (
  SELECT * FROM (
SELECT …
  )
  WHERE orchestrator_address = {f_orchestrator_address:String} AND region = {f_region:String} AND (window_start < {cursor_w:DateTime64(3, 'UTC')} OR (window_start = {cursor_w:DateTime64(3, 'UTC')} AND (orchestrator_address, pipeline, model_id, gpu_id, region) > ({cursor_k0:String}, {cursor_k1:String}, {cursor_k2:String}, {cursor_k3:String}, {cursor_k4:String})))
  ORDER BY window_start DESC, orchestrator_address, pipeline, model_id, gpu_id, region
  LIMIT {limit:UInt32}
)
ORDER BY window_start DESC, orchestrator_address, pipeline, model_id, gpu_id, region