"""Tools: maintainer commands (ingest, audit, candidate and tagging reports), never run by the build."""
