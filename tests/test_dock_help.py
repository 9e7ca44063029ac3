"""Issue 8, defect 7: a help button per tab opens the README's section for it, and every control that is not
self-explanatory has a tooltip (checked on every tab, in the states of the layout test)."""

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from eo_connector.gui.dock import AREA_TAB, JOBS_TAB, PLATFORM_TAB, RESULTS_TAB
from eo_connector.gui.widgets.help import HELP_SECTIONS, anchor_of, online_url, section
from tests.support.dock_layout import COMPOUND
from tests.support.dock_states import catalogue_states, scenario_states

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QPlainTextEdit, QgsFileWidget)


def without_tooltip(dock):
    """Visible controls of the tab shown (and the connection row) that have no tooltip."""
    missing = []
    for widget in dock.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible() or widget.toolTip():
            continue
        if widget.objectName() == "collapseButton":  # a collapsible group's own arrow, next to its title
            continue
        parent, inside = widget.parentWidget(), False
        while parent is not None and parent is not dock:
            inside = inside or isinstance(parent, COMPOUND)
            parent = parent.parentWidget()
        if not inside:
            missing.append(f"{type(widget).__name__} {widget.objectName()} {getattr(widget, 'text', str)()!r}")
    return missing


def tooltips_missing_in(dock, states):
    missing = set()
    for _state, _tab in states:
        for index in range(dock.tabs.count()):
            if dock._tab_shown(index):
                dock.tabs.setCurrentIndex(index)
                missing |= {f"{dock.tabs.tabText(index)}: {name}" for name in without_tooltip(dock)}
    return sorted(missing)


def test_every_control_of_a_scenario_has_a_tooltip(make_dock, beod_emulator_factory, tmp_path):
    dock = make_dock()
    assert tooltips_missing_in(dock, scenario_states(dock, beod_emulator_factory(run_seconds=60), tmp_path)) == []


def test_every_control_of_a_catalogue_search_has_a_tooltip(make_dock, terrascope_emulator_factory, tmp_path):
    from tests.emulators.terrascope import S2_TOC

    emulator = terrascope_emulator_factory(products={S2_TOC: 12}, page_size=50)
    dock = make_dock()
    states = catalogue_states(dock, emulator, str(emulator.write_ini(tmp_path / "e.ini")), tmp_path / "p")
    assert tooltips_missing_in(dock, states) == []


def test_the_help_button_opens_the_section_of_the_tab_shown(qtbot, make_dock, terrascope_emulator_factory, tmp_path):
    from tests.emulators.terrascope import S2_TOC

    emulator = terrascope_emulator_factory(products={S2_TOC: 12}, page_size=50)
    dock = make_dock()
    states = catalogue_states(dock, emulator, str(emulator.write_ini(tmp_path / "e.ini")), tmp_path / "p")
    next(states)  # signed in, the catalogue's page built
    expected = {AREA_TAB: "### Area of interest", PLATFORM_TAB: "### Terrascope catalogue search",
                RESULTS_TAB: "### Results", JOBS_TAB: "### Jobs"}
    for tab, heading in expected.items():
        dock.tabs.setCurrentIndex(tab)
        dock.helpButton.click()
        dialog = dock.help_dialog
        assert dialog.isVisible() and dialog.markdown.startswith(heading), (tab, dialog.markdown[:60])
        assert len(dialog.markdown.splitlines()) > 2
    opened = []
    dialog.open_url = opened.append
    dialog.onlineButton.click()
    assert opened[0].toString().endswith("#jobs") and opened[0].toString().startswith("https://")
    dock.findChild(QAbstractButton, "help_connections").click()
    assert dock.help_dialog.markdown.startswith("### Connections")
    dialog.close()


def test_every_page_of_the_dock_has_its_section_in_the_readme():
    for anchor in list(HELP_SECTIONS.values()) + ["brightearth-scenario", "terrascope-catalogue-search"]:
        assert section(anchor), f"README has no section #{anchor}"
    assert anchor_of("Area of interest") == "area-of-interest"
    assert online_url("jobs").endswith("#jobs")


def test_every_platforms_page_has_its_section_in_the_readme(make_dock):
    from eo_connector.gui.dock import PLATFORM_TAB
    from eo_connector.providers import registry

    dock = make_dock()
    for platform in registry.platforms():
        page = dock.platform_panel(platform.id)
        dock.platformStack.setCurrentWidget(page)
        dock.tabs.setCurrentIndex(PLATFORM_TAB)
        anchor = page.help_anchor() if hasattr(page, "help_anchor") else anchor_of(page.section_title())
        assert section(anchor), f"the page of {platform.id} has no README section #{anchor}"
