"""Import and export formats, one module each, behind one small registry; no Qt."""
