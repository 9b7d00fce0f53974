import { ci, fnb2, fnb3, isBlank, javaTrim } from "../values/java-trim.js";

/**
 * Pipeline/model resolver mode (sessions.md §7.5). `legacy_misnamed` (default) treats the
 * events' `pipeline` field as a model label; `native_correct` trusts it as a pipeline.
 */
export type PipelineModelMode = "legacy_misnamed" | "native_correct";

/**
 * Parses the `pipelineModelMode` setting: `native_correct` or `native` (trimmed,
 * case-insensitive) → `native_correct`; anything else, null included → `legacy_misnamed`.
 * @example parsePipelineModelMode(" Native ") === "native_correct"; parsePipelineModelMode("x") === "legacy_misnamed"
 */
export function parsePipelineModelMode(value: string | null | undefined): PipelineModelMode {
  const v = javaTrim(value ?? "").toLowerCase();
  return v === "native_correct" || v === "native" ? "native_correct" : "legacy_misnamed";
}

/** The three pipeline/model labels of a signal read by the resolver (sessions.md §3). */
export interface ResolverSignal {
  readonly pipeline: string;
  readonly pipelineHint: string;
  readonly modelHint: string;
}

/** Output of {@link resolvePipelineModel}. */
export interface PipelineModelResolution {
  readonly pipeline: string;
  readonly model: string;
  /** Compatibility hint for snapshot selection (§7.3 step 2). */
  readonly hint: string;
}

/**
 * The resolver of sessions.md §7.5. With `pHint = fnb(pipelineHint, pipeline)`,
 * `mHint = fnb(modelHint, pHint)`, snapshot `sp`/`sm` (`""` without a snapshot; pass `sm = ""`
 * for a stale one) and state `ep`/`em`:
 * - legacy: pipeline `fnb(sp, ep)`, model `fnb(sm, em, mHint)`, hint `fnb(mHint, em)`;
 * - native: pipeline `fnb(signal.pipeline, ep, sp)`, model `fnb(mHint, em, sm)`,
 *   hint `fnb(mHint, model, em)` ("the model of this row" read as the resolved model).
 * @example legacy, hints `streamdiffusion-sdxl`, empty state, snapshot (`live-video-to-video`,
 *   `streamdiffusion-sdxl`) → pipeline `live-video-to-video`, model and hint `streamdiffusion-sdxl`
 */
export function resolvePipelineModel(
  mode: PipelineModelMode,
  signal: ResolverSignal,
  statePipeline: string | null,
  stateModel: string | null,
  snapPipeline: string,
  snapModel: string,
): PipelineModelResolution {
  const mHint = fnb2(signal.modelHint, fnb2(signal.pipelineHint, signal.pipeline));
  if (mode === "legacy_misnamed") {
    return {
      pipeline: fnb2(snapPipeline, statePipeline),
      model: fnb3(snapModel, stateModel, mHint),
      hint: fnb2(mHint, stateModel),
    };
  }
  const model = fnb3(mHint, stateModel, snapModel);
  return {
    pipeline: fnb3(signal.pipeline, statePipeline, snapPipeline),
    model,
    hint: fnb3(mHint, model, stateModel),
  };
}

/**
 * `canonicalPipeline(p, m)` of §7.5: `""` when both are non-blank and `ci`-equal (a model label
 * posing as pipeline); otherwise `fnb(p)` (`p` unchanged, or `""` when blank).
 * @example canonicalPipeline("streamdiffusion-sdxl", "STREAMDIFFUSION-SDXL") === ""
 * @example canonicalPipeline("live-video-to-video", "streamdiffusion-sdxl") === "live-video-to-video"
 */
export function canonicalPipeline(pipeline: string | null, model: string | null): string {
  // One-entry memo: every status sample and trace edge of a segment asks with the same pair.
  if (pipeline === memo.pipeline && model === memo.model) return memo.result;
  const result =
    !isBlank(pipeline) && !isBlank(model) && ci(pipeline, model) ? "" : fnb2(pipeline, null);
  memo.pipeline = pipeline;
  memo.model = model;
  memo.result = result;
  return result;
}

const memo: { pipeline: string | null; model: string | null; result: string } = {
  pipeline: null,
  model: null,
  result: "",
};
