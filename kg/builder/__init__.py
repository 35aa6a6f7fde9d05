"""The builder: paths in, a `BuildResult` (extractions, skipped inputs, the graph) out
(`run.build`); extraction runs here or in worker processes (`local`) or on a Dask cluster
(`cluster`); `stream.stream_build` makes the same graph as sorted runs on disk, a batch of
articles at a time, for `kg build -o` (kg.output.build_outputs)."""
