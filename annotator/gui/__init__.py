"""The Qt window: the only package that imports PySide6; a thin layer over the core."""
