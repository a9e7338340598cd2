"""Training: learn rashomon's small models from annotated corpora."""
