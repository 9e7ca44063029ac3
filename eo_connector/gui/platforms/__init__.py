"""Per-platform panels: one module per platform that needs widgets of its own."""
