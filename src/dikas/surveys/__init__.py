"""Participatory map surveys: definitions, anonymous answers linked to the twin's units,
representativeness against the population, answers against the indicators, exports and the
survey report."""
