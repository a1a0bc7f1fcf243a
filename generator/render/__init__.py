"""Render: one module per page family, models to Markdown pages through the Jinja2 templates."""
