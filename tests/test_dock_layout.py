"""Issue 8, defect 2 and "Done when": the dock fits a normal dock. In every state a user meets (empty, signed in,
form filled, job running, job done; a catalogue's form, results listed, a result selected, a download done) and on
every tab, at 320, 400 and 600 px: the dock keeps its width, no horizontal scrollbar, no control narrower than its
minimum size hint or cut by an edge; and at 400 × 650 the main action of the page is in view without scrolling."""

from eo_connector.gui.dock import PLATFORM_TAB
from tests.support.dock_layout import check_every_tab
from tests.support.dock_states import catalogue_states, scenario_states


def in_view(widget) -> bool:
    seen = widget.visibleRegion().boundingRect()
    return widget.isVisible() and seen.size() == widget.size()


def test_every_state_of_a_scenario_fits_at_320_400_and_600_px(qtbot, make_dock, beod_emulator_factory, tmp_path):
    emulator = beod_emulator_factory(run_seconds=60)
    dock = make_dock()
    problems = []
    for state, _tab in scenario_states(dock, emulator, tmp_path / "results"):
        problems += [f"{state}: {problem}" for problem in check_every_tab(dock, qtbot)]
        if state == "04_form_filled":
            dock.resize(400, 650)
            dock.tabs.setCurrentIndex(PLATFORM_TAB)
            qtbot.wait(1)
            assert in_view(dock.platform_panel("brightearth").runButton), "Run is below the fold"
    assert problems == [], "\n".join(problems)


def test_every_state_of_a_catalogue_search_fits_at_320_400_and_600_px(qtbot, make_dock, terrascope_emulator_factory,
                                                                      tmp_path):
    from tests.emulators.terrascope import S2_TOC

    emulator = terrascope_emulator_factory(products={S2_TOC: 120}, page_size=50)
    ini = str(emulator.write_ini(tmp_path / "emulator.ini"))
    dock = make_dock()
    problems = []
    for state, _tab in catalogue_states(dock, emulator, ini, tmp_path / "products"):
        problems += [f"{state}: {problem}" for problem in check_every_tab(dock, qtbot)]
        if state == "07_catalogue_form":
            dock.resize(400, 650)
            dock.tabs.setCurrentIndex(PLATFORM_TAB)
            qtbot.wait(1)
            assert in_view(dock.platform_panel("terrascope").searchButton), "Search is below the fold"
    assert problems == [], "\n".join(problems)


def test_every_platforms_page_fits_before_signing_in(qtbot, make_dock):
    """Each platform's page (its own panel or the generic one), as shown once a connection of it is chosen."""
    from eo_connector.providers import registry
    from tests.support.dock_layout import fit_problems

    dock = make_dock()
    problems = []
    for platform in registry.platforms():
        page = dock.platform_panel(platform.id)
        dock.platformStack.setCurrentWidget(page)
        dock._set_tab_shown(PLATFORM_TAB, True)
        dock.tabs.setCurrentIndex(PLATFORM_TAB)
        for width in (320, 400, 600):
            dock.resize(width, 650)
            qtbot.wait(1)
            problems += [f"{platform.id} at {width} px: {p}" for p in fit_problems(dock, width)]
    assert problems == [], "\n".join(problems)
