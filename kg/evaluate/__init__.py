"""Evaluation: gold annotations (`gold`) or a CoNLL04 file (`conll`) in; precision, recall
and F1 out (`score`, `report`)."""
