"""annotator: code spans and political-violence events in Arabic news reports.

Subpackages:
- ``core``: the domain (documents, spans, events, codebook, edits, validation); no Qt.
- ``storage``: project folders, atomic writes, locks, format versions; no Qt.
- ``formats``: import and export formats behind one registry; no Qt.
- ``cli``: one handler per subcommand; only ``gui`` loads Qt.
- ``gui``: the Qt window, a thin layer over the core.
"""

__version__ = "0.1.0"
