"""awesomelint's own rules: one module per rule, each registering itself with @rule."""
