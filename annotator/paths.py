"""Locate the bundled ``resources/`` and ``schemas/`` folders, in a checkout or installed."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@cache
def _find(name: str) -> Path:
    # Installed wheel: annotator/resources; source checkout or editable: ../resources.
    for candidate in (_HERE / name, _HERE.parent / name):
        if candidate.is_dir() and any(candidate.iterdir()):
            return candidate
    raise FileNotFoundError(f"the bundled folder {name!r} is missing from the installation")


def resources_dir() -> Path:
    return _find("resources")


def schemas_dir() -> Path:
    return _find("schemas")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def schema_path(name: str) -> Path:
    return schemas_dir() / name
