"""The one action table: every command of the window with its keys, menu, slot and condition.

Menus, the window's shortcuts and the F1 sheet are all generated from ``window_actions``, so a
key shown in the sheet is the key that works. Label and role keys come from the codebook.

``scope`` says where a key works: ``"window"`` anywhere in the window; ``"text"`` only while
the text view or the span table has the focus, so single letters and digits never fire while a
coder types in a field editor (Qt's ``WidgetWithChildrenShortcut`` on those two widgets);
``"adjudication"`` only in the adjudication panel (its A and B decide, where the text's A
labels an actor); ``"document"`` in the text and its find bar, ``"spans"`` in the span table
(so Ctrl+F finds in the text there and filters the table here).
``when`` names a condition the window evaluates to enable the action (see
``MainWindow.condition``).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar, QWidget

from annotator import i18n
from annotator.app import commands
from annotator.core.codebook import Codebook
from annotator.core.names import label_name, role_name
from annotator.gui.labels import button_text
from annotator.gui.models import plain_tooltip
from annotator.i18n import tr

MENUS = ("File", "Edit", "Span", "Event", "Adjudicate", "Navigate", "View", "Help")


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    shortcuts: tuple[str, ...]
    # A method of the window, or "app:<name>": a command of ``annotator.app.commands``
    # that the window runs on its coding state (``run_command``).
    slot: str
    menu: str
    when: str = ""  # a condition name, '' for always
    scope: str = "window"  # or "text", "adjudication"
    args: tuple[Any, ...] = ()
    checkable: bool = False
    help: str = ""
    submenu: str = ""  # shown in a submenu of ``menu`` with this title
    toolbar: str = ""  # also a button on this toolbar
    icon_text: str = ""  # the button's short text
    color: str = ""  # a colour swatch as the icon (span labels)


STATIC_ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("save", "&Save", ("Ctrl+S",), "save_document", "File", "editable",
               toolbar="Document", icon_text="Save", help="Validate and write the annotations"),
    ActionSpec("mark_done", "&Mark done and open next", ("Ctrl+Return", "Ctrl+Enter"),
               "mark_done", "File", "editable", toolbar="Document", icon_text="✓ Done",
               help="Strict check: jumps to the first problem, or saves and opens the next"),
    ActionSpec("skip_document", "S&kip document and open next", ("Ctrl+K",), "skip_document",
               "File", "editable",
               help="Mark it skipped (not relevant, duplicate, unreadable), save, open the next"),
    ActionSpec("export", "&Export dataset…", ("Ctrl+Shift+E",), "show_export_dialog", "File",
               help="Export the project in a dataset format, with its card and checksums"),
    ActionSpec("import", "&Import annotations…", ("Ctrl+Shift+I",), "show_import_dialog",
               "File", help="Bring in brat, doccano, Label Studio, CoNLL or JSONL annotations"),
    ActionSpec("agreement", "A&greement between coders…", ("Ctrl+Shift+G",),
               "show_agreement_dialog", "File",
               help="Span, event and field agreement of every pair of coders"),
    ActionSpec("quit", "&Quit", ("Ctrl+Q",), "close", "File"),
    # Edit
    ActionSpec("undo", "&Undo", ("Ctrl+Z",), "undo", "Edit", "can_undo", toolbar="Document",
               icon_text="Undo"),
    ActionSpec("redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "redo", "Edit", "can_redo",
               toolbar="Document", icon_text="Redo"),
    ActionSpec("find", "&Find in the document…", ("Ctrl+F",), "find_bar.open", "Edit",
               "document", scope="document",
               help="Arabic-normalised: harakat, hamza on alef, ى/ي, ة/ه and proclitics do not "
                    "matter («احد» finds «أحد», «الأحد»)"),
    ActionSpec("find_next", "Find &next", ("F3",), "find_bar.step", "Edit", "document",
               scope="document", args=(1,), help="Also Enter in the find bar"),
    ActionSpec("find_previous", "Find pre&vious", ("Shift+F3",), "find_bar.step", "Edit",
               "document", scope="document", args=(-1,), help="Also Shift+Enter in the find bar"),
    # Focus with the shortcut's reason: QLineEdit then selects its text, ready to retype.
    ActionSpec("filter_spans", "&Filter spans", ("Ctrl+F",), "span_table.filter.setFocus",
               "Edit", "document", scope="spans", args=(Qt.FocusReason.ShortcutFocusReason,),
               help="Ctrl+F while the span table has the focus (Ctrl+2); Arabic-normalised"),
    ActionSpec("search_project", "&Search the project…", ("Ctrl+Shift+F",),
               "project_search.show", "Edit",
               help="Every document: keyword in context, optionally only inside spans of a "
                    "label; a row opens the document at the match"),
    ActionSpec("first_problem", "Go to first &problem", ("F8",), "goto_first_problem", "Edit",
               "document", help="Select the first thing that is missing or wrong"),
    # Span
    ActionSpec("label_palette", "&Label as…", ("Space",), "show_label_palette", "Span",
               "editable", scope="text", help="Pick a label from a list"),
    ActionSpec("strip_proclitic", "Leave out leading &proclitic (و ف ب ل ك)", ("X",),
               "app:trim_proclitic", "Span", "editable", scope="text", toolbar="Coding",
               icon_text="Proclitic  X"),
    ActionSpec("fit_span", "&Fit span to the selection", ("F",), "app:fit_span",
               "Span", "editable", scope="text",
               help="Move the boundaries of the span under the selection (or the one last "
                    "clicked) to the selection; its roles stay"),
    ActionSpec("delete_span", "&Delete span", ("Delete",), "app:delete_span", "Span", "editable",
               scope="text"),
    ActionSpec("snap_words", "Snap selections to &whole words", ("Ctrl+W",),
               "set_snap_to_words", "Span", checkable=True),
    # Event
    ActionSpec("create_event", "&New event from trigger", ("E",), "app:new_event", "Event",
               "editable", scope="text", toolbar="Coding", icon_text="New event  E",
               help="The selected trigger span (or the selection, labelled as a trigger) "
                    "becomes the trigger of a new event"),
    ActionSpec("role_palette", "Fill &role…", ("R",), "show_role_palette", "Event",
               "editable", scope="text", help="Pick a role of the current event from a list"),
    ActionSpec("previous_event", "Pre&vious event", ("[",), "app:step_event", "Event",
               "document", scope="text", args=(-1,)),
    ActionSpec("next_event", "Ne&xt event", ("]",), "app:step_event", "Event", "document",
               scope="text", args=(1,)),
    ActionSpec("delete_event", "Delete current e&vent", ("Ctrl+Delete",), "app:delete_event",
               "Event", "editable", scope="text"),
    # Adjudicate
    ActionSpec("adjudicate", "&Adjudicate this document", ("Ctrl+Shift+A",),
               "adjudicator.toggle", "Adjudicate", "document",
               help="The gold set beside every coder's work: decide each disagreement (again: "
                    "back to coding)"),
    ActionSpec("accept_a", "Accept coder &A", ("A",), "adjudicator.accept_coder",
               "Adjudicate", "adjudicating", scope="adjudication", args=(0,),
               icon_text="A"),
    ActionSpec("accept_b", "Accept coder &B", ("B",), "adjudicator.accept_coder",
               "Adjudicate", "adjudicating", scope="adjudication", args=(1,),
               icon_text="B"),
    ActionSpec("accept_c", "Accept coder &C", ("C",), "adjudicator.accept_coder",
               "Adjudicate", "adjudicating", scope="adjudication", args=(2,),
               icon_text="C"),
    ActionSpec("accept_all", "Accept &all versions (both)", ("Y",), "adjudicator.accept_all",
               "Adjudicate", "adjudicating", scope="adjudication", icon_text="All"),
    ActionSpec("reject", "&Reject every version", ("R",), "adjudicator.reject",
               "Adjudicate", "adjudicating", scope="adjudication", icon_text="Reject"),
    ActionSpec("edit_item", "&Edit: start from coder A’s version", ("E",),
               "adjudicator.edit", "Adjudicate", "adjudicating", scope="adjudication",
               icon_text="Edit"),
    ActionSpec("next_disagreement", "&Next open disagreement", ("N",), "adjudicator.step",
               "Adjudicate", "adjudicating", scope="adjudication", args=(1,)),
    ActionSpec("previous_disagreement", "&Previous open disagreement", ("P",),
               "adjudicator.step", "Adjudicate", "adjudicating", scope="adjudication",
               args=(-1,)),
    # Navigate
    ActionSpec("previous_document", "&Previous document", ("Ctrl+PgUp",), "previous_document",
               "Navigate", "document", toolbar="Document", icon_text="‹ Previous"),
    ActionSpec("next_document", "&Next document", ("Ctrl+PgDown",), "next_document",
               "Navigate", "document", toolbar="Document", icon_text="Next ›"),
    ActionSpec("focus_text", "Focus the &text", ("Ctrl+1", "Esc"), "focus_pane", "Navigate",
               args=("text",), help="Back to the text from a field (Esc)"),
    ActionSpec("focus_spans", "Focus the &span table", ("Ctrl+2",), "focus_pane", "Navigate",
               args=("spans",)),
    ActionSpec("focus_events", "Focus the &event panel", ("Ctrl+3",), "focus_pane", "Navigate",
               args=("events",)),
    ActionSpec("focus_documents", "Focus the &document list", ("Ctrl+4",), "focus_pane",
               "Navigate", args=("documents",)),
    # View
    ActionSpec("zoom_in", "Zoom &in", ("Ctrl+=", "Ctrl++"), "zoom", "View", args=(1,)),
    ActionSpec("zoom_out", "Zoom &out", ("Ctrl+-",), "zoom", "View", args=(-1,)),
    ActionSpec("zoom_reset", "&Reset zoom", ("Ctrl+0",), "zoom", "View", args=(0,)),
    ActionSpec("language_auto", "The system’s language", (), "languages.request", "View",
               args=("auto",), submenu="Language"),
    ActionSpec("language_en", "English", (), "languages.request", "View", args=("en",),
               submenu="Language"),
    ActionSpec("language_ar", "العربية (Arabic)", (), "languages.request", "View", args=("ar",),
               submenu="Language"),
    ActionSpec("text_direction_auto", "&Automatic (by the first letter)", (),
               "text_options.set_direction", "View", args=("auto",), checkable=True,
               submenu="Text direction",
               help="Lay the text out as its first strong letter reads (kept per document)"),
    ActionSpec("text_direction_rtl", "&Right-to-left", (), "text_options.set_direction", "View",
               args=("rtl",), checkable=True, submenu="Text direction",
               help="Lay this document out right-to-left, even if it starts in Latin letters"),
    ActionSpec("text_direction_ltr", "&Left-to-right", (), "text_options.set_direction", "View",
               args=("ltr",), checkable=True, submenu="Text direction",
               help="Lay this document out left-to-right"),
    ActionSpec("cycle_text_direction", "Switch text &direction", ("Ctrl+Shift+D",),
               "text_options.cycle_direction", "View",
               help="Automatic, right-to-left, left-to-right in turn (kept per document)"),
    ActionSpec("show_invisibles", "Show in&visible characters", ("Ctrl+F10",),
               "text_options.set_show_invisibles", "View", checkable=True,
               help="Mark RLM, LRM, ZWNJ, ZWJ, no-break spaces and tatweel, to see why a "
                    "selection snapped as it did; the text is not changed"),
    # Help
    ActionSpec("shortcuts", "&Keyboard shortcuts", ("F1",), "show_shortcuts", "Help"),
)


def codebook_actions(cb: Codebook) -> list[ActionSpec]:
    """One action per span label (its key labels the selection) and per role (its key fills the
    role of the current event); labels and roles without a key are in the menus only.

    Each is called by its one name (``core.names``), as the span table, the messages and the
    undo texts call it; the toolbar adds the key. A codebook's ``&`` is doubled so it shows
    instead of making a mnemonic."""
    specs: list[ActionSpec] = []
    for lab in cb.span_labels:
        name = label_name(cb, lab.id)
        key = lab.key.upper()
        specs.append(ActionSpec(f"label:{lab.id}", button_text(name), (key,) if key else (),
                                "app:apply_label", "Span", "editable", scope="text", args=(lab.id,),
                                submenu="Label selection as", help=lab.help, toolbar="Labels",
                                icon_text=button_text(f"{name}  {key}" if key else name),
                                color=lab.color))
    for role in cb.roles:
        specs.append(ActionSpec(f"role:{role.id}", button_text(role_name(cb, role.id)),
                                (role.key,) if role.key else (),
                                "app:fill_role", "Event", "editable", scope="text", args=(role.id,),
                                submenu="Fill role with selection", help=role.help))
    return specs


def window_actions(cb: Codebook) -> list[ActionSpec]:
    """The complete table for a window on a project with codebook ``cb``.

    A codebook may give a label or role a key the window also uses (``f``, ``e``...): the
    codebook's key wins, as coders learn their codebook's keys, and the window's action keeps
    its menu entry without that key (the F1 sheet shows it as menu only)."""
    coded = codebook_actions(cb)
    taken = {_norm(k) for spec in coded for k in spec.shortcuts}
    static = [spec if not _overlap(spec.scope, "text") else
              replace(spec, shortcuts=tuple(k for k in spec.shortcuts if _norm(k) not in taken))
              for spec in STATIC_ACTIONS]
    return [*static, *coded]


# Scopes that share a widget: the text view is in both, and so is the span table's view.
_SHARED_SCOPES = (frozenset({"text", "document"}), frozenset({"text", "spans"}))


def _overlap(a: str, b: str) -> bool:
    """Whether keys of scopes ``a`` and ``b`` can fire in the same place: a scope with itself,
    the window's scope with every other, and scopes that share a widget."""
    return a == b or "window" in (a, b) or frozenset({a, b}) in _SHARED_SCOPES


def _norm(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)


def check_table(specs: Sequence[ActionSpec]) -> list[str]:
    """Problems of a table: duplicate ids, one key bound twice in overlapping scopes."""
    problems: list[str] = []
    seen_ids: set[str] = set()
    keys: dict[str, list[tuple[str, str]]] = {}  # key -> (action id, scope)
    for spec in specs:
        if spec.id in seen_ids:
            problems.append(f"duplicate action id {spec.id!r}")
        seen_ids.add(spec.id)
        if spec.menu not in MENUS:
            problems.append(f"{spec.id}: unknown menu {spec.menu!r}")
        for key in spec.shortcuts:
            norm = QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)
            if not norm:
                problems.append(f"{spec.id}: {key!r} is not a key sequence")
            else:
                clash = [aid for aid, scope in keys.get(norm, []) if _overlap(scope, spec.scope)]
                if clash:
                    problems.append(f"{spec.id}: {norm} is already bound to {clash[0]}")
                keys.setdefault(norm, []).append((spec.id, spec.scope))
    return problems


def build_actions(window: Any, specs: Iterable[ActionSpec], text_widgets: Sequence[QWidget],
                  scope_widgets: dict[str, Sequence[QWidget]] | None = None,
                  ) -> dict[str, QAction]:
    """Create a ``QAction`` per spec, connected to ``window.<slot>(*args)`` (or, for an
    ``app:`` slot, to ``window.run_command(command, *args)``).

    Window-scope actions are added to the window (they work with the menu bar hidden); text-scope
    ones to each of ``text_widgets``, and those of another scope to its ``scope_widgets``, with
    a widget-with-children context. A dotted slot names a method of one of the window's parts
    (``adjudicator.reject``).
    """
    actions: dict[str, QAction] = {}
    for spec in specs:
        action = QAction(tr("actions", spec.text), window)
        action.setObjectName(f"action_{spec.id}")
        action.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
        if spec.help:
            action.setStatusTip(tr("actions", spec.help))  # the status bar shows plain text
            action.setToolTip(plain_tooltip(tr("actions", spec.help)))
        action.setCheckable(spec.checkable)
        if spec.icon_text:
            action.setIconText(tr("actions", spec.icon_text))
        if spec.color:
            action.setIcon(swatch(spec.color))
        action.setProperty("when", spec.when)
        if spec.slot.startswith("app:"):
            command = getattr(commands, spec.slot[4:])
            slot = partial(window.run_command, command)
        else:
            slot = window
            for part in spec.slot.split("."):
                slot = getattr(slot, part)
        if spec.checkable:
            action.toggled.connect(
                lambda checked, slot=slot, args=spec.args: slot(*args, checked))
        else:
            action.triggered.connect(lambda _=False, slot=slot, args=spec.args: slot(*args))
        if spec.scope != "window":
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            widgets = text_widgets if spec.scope == "text" else \
                (scope_widgets or {}).get(spec.scope, ())
            for widget in widgets:
                widget.addAction(action)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        actions[spec.id] = action
    return actions


def build_menus(menubar: QMenuBar, specs: Iterable[ActionSpec],
                actions: dict[str, QAction]) -> dict[str, QMenu]:
    """The menu bar, in ``MENUS`` order, each menu in table order."""
    menus: dict[str, QMenu] = {}
    submenus: dict[tuple[str, str], QMenu] = {}
    for name in MENUS:
        menus[name] = menubar.addMenu(tr("menu", f"&{name}"))
    for spec in specs:
        menu = menus[spec.menu]
        if spec.submenu:
            key = (spec.menu, spec.submenu)
            if key not in submenus:
                menu.addSeparator()
                submenus[key] = menu.addMenu(tr("actions", spec.submenu))
            menu = submenus[key]
        menu.addAction(actions[spec.id])
    return menus


def build_toolbars(window: QMainWindow, specs: Iterable[ActionSpec],
                   actions: dict[str, QAction]) -> dict[str, QToolBar]:
    """One toolbar per ``toolbar`` name, in table order; buttons show ``icon_text``."""
    bars: dict[str, QToolBar] = {}
    for spec in specs:
        if not spec.toolbar:
            continue
        bar = bars.get(spec.toolbar)
        if bar is None:
            if spec.toolbar == "Labels" and bars:  # its names need a row of their own
                window.addToolBarBreak()
            bar = window.addToolBar(toolbar_title(spec.toolbar))
            bar.setObjectName(f"{spec.toolbar.lower()}ToolBar")
            bar.setMovable(False)
            bar.setFloatable(False)
            bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            bar.setIconSize(QSize(12, 12))
            bars[spec.toolbar] = bar
        bar.addAction(actions[spec.id])
        keys = f" {tr('sheet', 'or')} ".join(key_text(k) for k in spec.shortcuts)
        tip = without_mnemonic(tr("actions", spec.text)) + (f" ({keys})" if keys else "")
        help_text = tr("actions", spec.help)
        actions[spec.id].setToolTip(plain_tooltip(f"{tip}\n{help_text}" if spec.help else tip))
    return bars


def toolbar_title(name: str) -> str:
    """A toolbar's title (its menu of toolbars shows it) in the interface's language."""
    return {"Document": tr("window", "Document"), "Labels": tr("window", "Labels")}.get(name, name)


def swatch(color: str, size: int = 12) -> QIcon:
    """A filled square of a label's colour, for menus and the label toolbar."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    painter = QPainter(pixmap)
    painter.setPen(QColor(color).darker(150))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


def without_mnemonic(text: str) -> str:
    """An action's text as shown: ``&`` marks a mnemonic, ``&&`` is a literal ``&``."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def key_text(key: str) -> str:
    """A key as the coder reads it on this platform (Ctrl+PgDown, ⌘S on macOS)."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_sheet_html(specs: Iterable[ActionSpec]) -> str:
    """The F1 sheet: every action with its keys, grouped by menu. Plain HTML, escaped."""
    by_menu: dict[str, list[ActionSpec]] = {m: [] for m in MENUS}
    for spec in specs:
        by_menu[spec.menu].append(spec)
    direction = "rtl" if i18n.is_right_to_left() else "ltr"
    parts = [f"<html><body dir='{direction}' style='font-family: sans-serif'>",
             f"<h2>{html.escape(tr('sheet', 'Keyboard shortcuts'))}</h2>",
             "<p>" + html.escape(tr("sheet", "Letters, digits, Space, X, [ ] and Delete work "
                                             "while the text or the span table has the focus "
                                             "(Ctrl+1 / Ctrl+2), never while you type in a "
                                             "field.")) + "</p>",
             "<p>" + html.escape(tr("sheet", "In the adjudication panel (Ctrl+Shift+A) the keys "
                                             "A B C Y R E N P decide and step through the "
                                             "disagreements.")) + "</p>",
             "<p>" + html.escape(tr("sheet", "Ctrl+F finds in the text (in the span table: "
                                             "filters it); Ctrl+Shift+F searches every "
                                             "document of the project.")) + "</p>"]
    either = f" {tr('sheet', 'or')} "
    for menu, items in by_menu.items():
        if not items:
            continue
        title = tr("menu", f"&{menu}").replace("&", "")
        parts.append(f"<h3>{html.escape(title)}</h3><table cellspacing='0' cellpadding='3'>")
        for spec in items:
            keys = either.join(f"<b>{html.escape(key_text(k))}</b>" for k in spec.shortcuts) \
                or f"<span style='color:#888'>{html.escape(tr('sheet', 'menu only'))}</span>"
            text = without_mnemonic(tr("actions", spec.text))
            if spec.submenu:
                text = f"{tr('actions', spec.submenu)}: {text}"
            tip = f" <span style='color:#666'>— {html.escape(tr('actions', spec.help))}</span>" \
                if spec.help else ""
            parts.append(f"<tr><td style='padding-right:18px' nowrap>{keys}</td>"
                         f"<td>{html.escape(text)}{tip}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)
