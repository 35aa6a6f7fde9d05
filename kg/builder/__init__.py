"""The builder: paths in, a `BuildResult` (extractions, skipped inputs, the graph) out
(`run.build`); extraction runs here or in worker processes (`local`) or on a Dask cluster
(`cluster`)."""
