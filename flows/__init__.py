"""Prefect orchestration over the docclean library (pipeline/): flows and deployments."""
