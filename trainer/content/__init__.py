"""Content: what personas, scenarios and rubrics may say, and loading them strictly.

- models: the pydantic models (extra fields forbidden)
- loader: one YAML file into a model, or `path:line: message` errors
- library: the shipped library plus user folders, cross-checked; template checks
- templates: Jinja2 in an immutable sandbox with StrictUndefined
"""
