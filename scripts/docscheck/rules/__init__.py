"""The rules: plain functions from (config, index) to problems. They never read or render files."""
