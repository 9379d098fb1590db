"""The window's run dialogs (export, import, agreement): opened window-modal, one at a time,
their code loaded only when one first opens (the window starts faster without it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QWidget

from annotator.storage.project import Project

if TYPE_CHECKING:
    from annotator.formats.importing import ImportReport
    from annotator.gui.transfer import AgreementDialog, ExportDialog, ImportDialog

    _Dialog = TypeVar("_Dialog", ExportDialog, ImportDialog, AgreementDialog)


class DialogLauncher:
    """Opens the run dialogs over ``parent``; ``saved_before(purpose)`` offers to save unsaved
    work first (they read the saved files) and says whether to go on."""

    def __init__(self, parent: QWidget, project: Project,
                 saved_before: Callable[[str], bool],
                 on_import: Callable[[ImportReport], None],
                 on_adjudicate: Callable[[str], object]) -> None:
        self.parent = parent
        self.project = project
        self.saved_before = saved_before
        self.on_import = on_import
        self.on_adjudicate = on_adjudicate
        self.current: ExportDialog | ImportDialog | AgreementDialog | None = None

    def export(self) -> ExportDialog | None:
        """The export dialog (runs in a worker thread), or None if the coder cancelled."""
        if not self.saved_before("export"):
            return None
        from annotator.gui.transfer import ExportDialog

        return self._show(ExportDialog(self.project, self.parent))

    def import_annotations(self) -> ImportDialog:
        from annotator.gui.transfer import ImportDialog

        dialog = ImportDialog(self.project, parent=self.parent)
        dialog.completed.connect(self.on_import)
        return self._show(dialog)

    def agreement(self) -> AgreementDialog | None:
        """Agreement of the coders, read from the saved files; a row of its table of
        disputed documents opens that document's adjudication."""
        if not self.saved_before("agreement count"):
            return None
        from annotator.gui.transfer import AgreementDialog

        dialog = AgreementDialog(self.project, self.parent)
        dialog.documentChosen.connect(self._on_document_chosen)
        return self._show(dialog)

    def _on_document_chosen(self, doc_id: str) -> None:
        dialog = self.current
        if dialog is not None:
            dialog.close()
        self.on_adjudicate(doc_id)

    def _show(self, dialog: _Dialog) -> _Dialog:
        dialog.finished.connect(self._on_dialog_finished)
        self.current = dialog
        dialog.open()
        return dialog

    def _on_dialog_finished(self, _result: int) -> None:
        dialog, self.current = self.current, None
        if dialog is not None:
            dialog.deleteLater()

    def close(self) -> None:
        """Close the open dialog, cancelling its run and waiting for it."""
        dialog, self.current = self.current, None
        if dialog is not None:
            try:
                dialog.close()
            except RuntimeError:  # already deleted with its last close
                pass
