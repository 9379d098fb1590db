"""One module per subcommand, each with ``register(sub)``; the order is the help's order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.cli.commands import (
    adjudicate,
    agreement,
    assign,
    export,
    import_annotations,
    import_documents,
    init,
    schema,
    search,
    show,
    status,
    validate,
    window,
)

REGISTER: list[Callable[[Any], None]] = [
    init.register, import_documents.register, validate.register, schema.register,
    show.register, export.register, import_annotations.register, agreement.register,
    assign.register, status.register, adjudicate.register, search.register,
    window.register_demo, window.register_gui,
]
