"""Political events: who did what to whom, coded to CAMEO."""
