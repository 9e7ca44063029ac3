"""The words of the Terrascope catalogue search form: labels, placeholders and a tooltip on every control that
does not explain itself (kept apart so the panel's module stays about behaviour)."""

from qgis.core import QgsApplication

from ...core.i18n import tr


def label_form(panel):
    panel.collectionLabel.setText(tr("Collection"))
    panel.collectionCombo.lineEdit().setPlaceholderText(tr("Collection id (urn:eop:…)"))
    panel.collectionCombo.setToolTip(tr("The collection to search: pick one, or type its id"))
    panel.browseButton.setText(tr("Browse…"))
    panel.browseButton.setToolTip(tr("Browse the catalogue's collections (title, platform, dates, abstract)"))
    panel.datesLabel.setText(tr("Dates"))
    panel.startDateEdit.setToolTip(tr("Acquired on or after this date (empty: no limit)"))
    panel.endDateEdit.setToolTip(tr("Acquired on or before this date (empty: no limit)"))
    panel.cloudLabel.setText(tr("Cloud cover"))
    for spin in (panel.cloudMinSpin, panel.cloudMaxSpin):
        spin.setSuffix(" %")
    panel.cloudMinSpin.setToolTip(tr("Lowest cloud cover (0 %: no minimum)"))
    panel.cloudMaxSpin.setToolTip(tr("Highest cloud cover (100 %: no maximum)"))
    panel.aoiLabel.setText(tr("Area"))
    panel.bboxOnlyCheck.setText(tr("Bounding box only"))
    panel.bboxOnlyCheck.setToolTip(tr("Search with the box around the area of interest instead of its outline"))
    panel.wholeCatalogueCheck.setText(tr("Search the whole catalogue"))
    panel.wholeCatalogueCheck.setToolTip(tr("Without an area of interest a search covers the whole world and can "
                                           "match a very large number of products: tick to go ahead anyway"))
    panel.moreFiltersGroup.setTitle(tr("More filters"))
    panel.moreFiltersGroup.setSettingGroup("eo_connector/dock/catalogue_more_filters")
    panel.productTypeLabel.setText(tr("Product type"))
    panel.productTypeEdit.setToolTip(tr("The catalogue's product type, e.g. S2MSI2A (empty: any)"))
    panel.relativeOrbitSpin.setToolTip(tr("Relative orbit number (any: no filter)"))
    panel.orbitDirectionCombo.setToolTip(tr("Satellite's direction over the area"))
    panel.tileEdit.setToolTip(tr("Tile id of the product grid, e.g. 31UFS for Sentinel-2 (empty: any)"))
    panel.productGroupEdit.setToolTip(tr("Products acquired together share a group id (empty: any)"))
    panel.extraEdit.setToolTip(tr("Other catalogue parameters, one key=value a line"))
    for edit in (panel.publicationStartEdit, panel.publicationEndEdit):
        edit.setToolTip(tr("Published in the catalogue between these dates (empty: no limit)"))
    for edit in (panel.modificationStartEdit, panel.modificationEndEdit):
        edit.setToolTip(tr("Last changed in the catalogue between these dates (empty: no limit)"))
    panel.orbitLabel.setText(tr("Relative orbit"))
    panel.relativeOrbitSpin.setSpecialValueText(tr("any"))
    panel.orbitDirectionCombo.addItem(tr("Any direction"), "")
    panel.orbitDirectionCombo.addItem(tr("Ascending"), "ASCENDING")
    panel.orbitDirectionCombo.addItem(tr("Descending"), "DESCENDING")
    panel.tileLabel.setText(tr("Tile id"))
    panel.tileEdit.setPlaceholderText(tr("e.g. 31UFS"))
    panel.productGroupLabel.setText(tr("Product group"))
    panel.publicationLabel.setText(tr("Published"))
    panel.modificationLabel.setText(tr("Modified"))
    panel.extraLabel.setText(tr("Extra"))
    panel.extraEdit.setPlaceholderText(tr("key=value, one a line (e.g. resolution=10)"))
    for edit in (panel.startDateEdit, panel.endDateEdit, panel.publicationStartEdit, panel.publicationEndEdit,
                 panel.modificationStartEdit, panel.modificationEndEdit):
        edit.setAllowNull(True)
        edit.setNullRepresentation(tr("any"))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")  # short enough for a narrow dock
        edit.clear()
    panel.searchButton.setText(tr("Search"))
    panel.searchButton.setIcon(QgsApplication.getThemeIcon("/search.svg"))
    panel.searchButton.setToolTip(tr("Count the matching products, then list them in the Results tab"))
    panel.stopButton.setText(tr("Stop"))
    panel.stopButton.setToolTip(tr("Stop the search; the products already listed stay"))
    panel.downloadButton.setText(tr("Download…"))
    panel.downloadButton.setToolTip(tr("Download the selected products"))
