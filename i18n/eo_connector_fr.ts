<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>EOConnector</name>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source> and </source>
      <translation> et </translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>(no name)</source>
      <translation>(sans nom)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>(press ↻)</source>
      <translation>(cliquez sur ↻)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>1 file downloaded</source>
      <translation>1 fichier téléchargé</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>1 item found</source>
      <translation>1 élément trouvé</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/publishing.py" />
      <source>1 item into collection {collection}</source>
      <translation>1 élément vers la collection {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>1 item matches</source>
      <translation>1 élément correspond</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>1 item of {collection}</source>
      <translation>1 élément de {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>1 item removed.</source>
      <translation>1 élément retiré.</translation>
    </message>
    <message>
      <location filename="eo_connector/processing/algorithms.py" />
      <source>1 layer loaded</source>
      <translation>1 couche chargée</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>1 layer loaded in group {name}</source>
      <translation>1 couche chargée dans le groupe {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>1 product found</source>
      <translation>1 produit trouvé</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>1 product matches</source>
      <translation>1 produit correspond</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/workflow.py" />
      <source>1 product of {collection}</source>
      <translation>1 produit de {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/download_dialog.py" />
      <source>1 product selected.</source>
      <translation>1 produit sélectionné.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_text.py" />
      <source>1 result</source>
      <translation>1 résultat</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>1 result file ready</source>
      <translation>1 fichier de résultats prêt</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>1 staged item in {collection}</source>
      <translation>1 élément rapatrié dans {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>3D</source>
      <translation>3D</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>3D formats</source>
      <translation>Formats 3D</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>&lt;b&gt;{area} km²&lt;/b&gt;, {vertices} vertices</source>
      <translation>&lt;b&gt;{area} km²&lt;/b&gt;, {vertices} sommets</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>A Python package EO Connector needs is not installed.</source>
      <translation>Un paquet Python nécessaire à EO Connector n'est pas installé.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/parameters.py" />
      <source>A bounding box needs four numbers: west, south, east, north.</source>
      <translation>Une emprise rectangulaire demande quatre nombres : ouest, sud, est, nord.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/connections.py" />
      <source>A connection named {name} already exists.</source>
      <translation>Une connexion nommée {name} existe déjà.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>A downloaded file is incomplete or damaged (size or checksum does not match).</source>
      <translation>Un fichier téléchargé est incomplet ou endommagé (la taille ou la somme de contrôle ne correspond pas).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>A key of their own</source>
      <translation>Une clé à part</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/expressions.py" />
      <source>A palette colours one band; choose one band or no palette.</source>
      <translation>Une palette colore une seule bande : choisissez une bande, ou aucune palette.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>A polygon layer</source>
      <translation>Une couche de polygones</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>A search by reference is a search URL (http…).</source>
      <translation>Une recherche par référence est une URL de recherche (http…).</translation>
    </message>
    <message>
      <location filename="eo_connector/core/http.py" />
      <source>A secure connection to the server could not be established (certificate problem).</source>
      <translation>Impossible d'établir une connexion sécurisée avec le serveur (problème de certificat).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>API key</source>
      <translation>Clé d’API</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>API key header</source>
      <translation>En-tête de clé d’API</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/session.py" />
      <source>API key manager status code {status}: {detail}</source>
      <translation>Le gestionnaire de clés d’API a répondu {status} : {detail}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>API-key check URL</source>
      <translation>URL de vérification de la clé</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>AUXIP auxiliary data</source>
      <translation>Données auxiliaires AUXIP</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Acquired on or after this date (empty: no limit)</source>
      <translation>Acquis à partir de cette date (vide : sans limite)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Acquired on or before this date (empty: no limit)</source>
      <translation>Acquis jusqu’à cette date (vide : sans limite)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_model.py" />
      <source>Acquisition date and time (UTC)</source>
      <translation>Date et heure d'acquisition (UTC)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>Active layer</source>
      <translation>Couche active</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Add Earth Engine layer</source>
      <translation>Ajouter une couche Earth Engine</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>Add a connection</source>
      <translation>Ajouter une connexion</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>Add features to map</source>
      <translation>Ajouter les entités à la carte</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_browser.py" />
      <source>Add the WMS preview of the selected results to the map</source>
      <translation>Ajouter à la carte l'aperçu WMS des résultats sélectionnés</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Add the chosen asset as a layer read from the server (COG, Zarr, vector files), without downloading it</source>
      <translation>Ajouter la ressource choisie comme couche lue sur le serveur (COG, Zarr, vecteurs), sans la télécharger</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>Add to map</source>
      <translation>Ajouter à la carte</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_browser.py" />
      <source>Adding the WMS preview of {title}</source>
      <translation>Ajout de l'aperçu WMS de {title}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Adds an image or collection (its mosaic) as a live map layer drawn by Earth Engine, with the bands, stretch (min, max), palette and gamma given. The layer keeps its expression in the project and gets a new map by itself when its map expires or the project is opened again.</source>
      <translation>Ajoute une image ou une collection (sa mosaïque) comme couche cartographique dessinée en direct par Earth Engine, avec les bandes, l'étirement (min, max), la palette et le gamma donnés. La couche garde son expression dans le projet et obtient d'elle-même une nouvelle carte quand la sienne expire ou que le projet est rouvert.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Alternate deep-learning models, comma separated; empty uses the defaults.</source>
      <translation>Autres modèles d'apprentissage profond, séparés par des virgules ; vide = modèles par défaut.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>An asset id (e.g. USGS/SRTMGL1_003), an expression as JSON, or Python code using ee (e.g. ee.Image('USGS/SRTMGL1_003').select('elevation')).</source>
      <translation>Un identifiant d'asset (par ex. USGS/SRTMGL1_003), une expression en JSON, ou du code Python utilisant ee (par ex. ee.Image('USGS/SRTMGL1_003').select('elevation')).</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>An asset id or an expression (ee.Image(…))</source>
      <translation>Un identifiant d'asset ou une expression (ee.Image(…))</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/tasks.py" />
      <source>An unexpected error stopped the task; details are in the EO Connector log.</source>
      <translation>Une erreur inattendue a arrêté la tâche ; les détails sont dans le journal d'EO Connector.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Any direction</source>
      <translation>Toutes directions</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>Apply filters</source>
      <translation>Appliquer les filtres</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/dock.py" />
      <source>Area</source>
      <translation>Zone</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Area of interest</source>
      <translation>Zone d'intérêt</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Area of interest (polygons)</source>
      <translation>Zone d'intérêt (polygones)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/dock.py" />
      <source>Area of interest: where it comes from and its size</source>
      <translation>Zone d’intérêt : d’où elle vient et sa taille</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Ascending</source>
      <translation>Ascendante</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Ask BrightEarth for the results as {format} files</source>
      <translation>Demander à BrightEarth les résultats en fichiers {format}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>Ask the catalogue for the collections matching these filters</source>
      <translation>Demander au catalogue les collections correspondant à ces filtres</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Asking Earth Engine for a map</source>
      <translation>Demande d'une carte à Earth Engine</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>Asking the catalogue…</source>
      <translation>Interrogation du catalogue…</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/rasters.py" />
      <source>Assembling the tiles into one Cloud-Optimised GeoTIFF</source>
      <translation>Assemblage des tuiles en un GeoTIFF optimisé cloud</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/pixels.py" />
      <source>Assembling the tiles needs GDAL, which QGIS ships; run this inside QGIS.</source>
      <translation>L'assemblage des tuiles demande GDAL, fourni avec QGIS : lancez ceci dans QGIS.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>Asset</source>
      <translation>Asset</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>Asset header</source>
      <translation>En-tête des ressources</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Asset href from</source>
      <translation>Lien de la ressource depuis</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>Asset key</source>
      <translation>Clé des ressources</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>Assets</source>
      <translation>Ressources</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_assets.py" />
      <source>Assets of the current item</source>
      <translation>Ressources de l’élément courant</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_assets.py" />
      <source>Assets of {item}</source>
      <translation>Ressources de {item}</translation>
    </message>
    <message>
      <location filename="eo_connector/core/streaming.py" />
      <source>Assets served by {scheme}:// cannot be opened in place: download them.</source>
      <translation>Les ressources servies par {scheme}:// ne s’ouvrent pas sur place : téléchargez-les.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Assets to download</source>
      <translation>Ressources à télécharger</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>At most this many items</source>
      <translation>Au plus ce nombre d’éléments</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>At most this many products</source>
      <translation>Au plus ce nombre de produits</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>At most this many results</source>
      <translation>Au plus ce nombre de résultats</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>At that rate this one ({this} km²) costs about {estimate}.</source>
      <translation>À ce tarif, celui-ci ({this} km²) coûte environ {estimate}.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Augmented buildings</source>
      <translation>Bâtiments enrichis</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Bands</source>
      <translation>Bandes</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Bands (all when empty)</source>
      <translation>Bandes (toutes si vide)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/assets.py" />
      <source>Bands: {bands}</source>
      <translation>Bandes : {bands}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Basemap</source>
      <translation>Fond de carte</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Basemap id (1 = ESRI)</source>
      <translation>Identifiant du fond de carte (1 = ESRI)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Basemap used as source imagery</source>
      <translation>Fond de carte utilisé comme imagerie source</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>Bearer token</source>
      <translation>Jeton « Bearer »</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>Block</source>
      <translation>Bloc</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Bounding box only</source>
      <translation>Rectangle englobant uniquement</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Box of the area only</source>
      <translation>Seulement l’emprise de la zone</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>BrightEarth extraction scenario</source>
      <translation>Scénario d'extraction BrightEarth</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/client.py" />
      <source>BrightEarth refused the area of interest: {reason}</source>
      <translation>BrightEarth a refusé la zone d'intérêt : {reason}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/client.py" />
      <source>BrightEarth refused the request: {detail}</source>
      <translation>BrightEarth a refusé la requête : {detail}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>BrightEarth scenario</source>
      <translation>Scénario BrightEarth</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>BrightEarth scenario {name}</source>
      <translation>Scénario BrightEarth {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>BrightEarth server: {state}</source>
      <translation>Serveur BrightEarth : {state}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/client.py" />
      <source>BrightEarth sign-in failed: wrong e-mail or password.</source>
      <translation>Échec de la connexion à BrightEarth : adresse e-mail ou mot de passe incorrect.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Browse the catalogue's collections (title, platform, dates, abstract)</source>
      <translation>Parcourir les collections du catalogue (titre, plateforme, dates, résumé)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Browse…</source>
      <translation>Parcourir…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Buildings with more attributes (height, roof type) where BrightEarth can derive them</source>
      <translation>Bâtiments avec plus d’attributs (hauteur, type de toit) là où BrightEarth peut les déduire</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>CADIP sessions</source>
      <translation>Sessions CADIP</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>CGLS (no sign-in)</source>
      <translation>CGLS (sans connexion)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>CQL2-JSON filter</source>
      <translation>Filtre CQL2-JSON</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>CRS</source>
      <translation>SCR</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Cancel job</source>
      <translation>Annuler la tâche</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Cancel {name}?</source>
      <translation>Annuler {name} ?</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Cancelled</source>
      <translation>Annulée</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Cancelled after the download: the results are in the output folder.</source>
      <translation>Annulé après le téléchargement : les résultats sont dans le dossier de sortie.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Cancelled before the scenario started: no credit was spent.</source>
      <translation>Annulé avant le démarrage du scénario : aucun crédit n’a été dépensé.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Cancelled here; the scenario goes on on the server (its credits are spent): Follow again downloads its results without paying again.</source>
      <translation>Annulé ici ; le scénario continue sur le serveur (ses crédits sont dépensés) : Reprendre le suivi télécharge ses résultats sans payer une seconde fois.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>Cancelled.</source>
      <translation>Annulé.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/platform.py" />
      <source>Cancelled: Follow again resumes it where it stopped.</source>
      <translation>Annulé : Reprendre le suivi la reprend là où elle s’est arrêtée.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Catalogue</source>
      <translation>Catalogue</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Catalogue collection</source>
      <translation>Collection du catalogue</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Catalogue configuration (*.ini);;All files (*)</source>
      <translation>Configuration du catalogue (*.ini);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>Catalogue search</source>
      <translation>Recherche dans le catalogue</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>Ch.</source>
      <translation>Can.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Check and save</source>
      <translation>Vérifier et enregistrer</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>Checking your BrightEarth account</source>
      <translation>Vérification de votre compte BrightEarth</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>Checking {name}</source>
      <translation>Vérification de {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>Checking {name}…</source>
      <translation>Vérification de {name}…</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Choose a collection to search.</source>
      <translation>Choisissez une collection à interroger.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Choose a folder for the results.</source>
      <translation>Choisissez un dossier pour les résultats.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Choose a folder to download into.</source>
      <translation>Choisissez un dossier de téléchargement.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>Choose a polygon layer in the list first.</source>
      <translation>Choisissez d'abord une couche de polygones dans la liste.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/publish_layer.py" />
      <source>Choose a vector layer to publish.</source>
      <translation>Choisissez une couche vecteur à publier.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>Choose a vector layer with polygons for the area of interest.</source>
      <translation>Choisissez une couche vecteur de polygones pour la zone d'intérêt.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>Choose an RS-Server connection.</source>
      <translation>Choisissez une connexion RS-Server.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Choose an area of interest first.</source>
      <translation>Choisissez d'abord une zone d'intérêt.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>Choose an area of interest in the dock first</source>
      <translation>Choisissez d'abord une zone d'intérêt dans le panneau</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Choose an area of interest: an image is exported over it.</source>
      <translation>Choisissez une zone d'intérêt : l'image est exportée sur cette zone.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Choose an existing project, or press ↻ to list them.</source>
      <translation>Choisissez un projet existant, ou cliquez sur ↻ pour les lister.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Choose an output folder.</source>
      <translation>Choisissez un dossier de sortie.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/workflow.py" />
      <source>Choose at least one kind of file to download.</source>
      <translation>Choisissez au moins un type de fichier à télécharger.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/download_dialog.py" />
      <source>Choose at least one kind of file.</source>
      <translation>Choisissez au moins un type de fichier.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/options.py" />
      <source>Choose at least one output format.</source>
      <translation>Choisissez au moins un format de sortie.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Choose the catalogue collection that receives the staged files.</source>
      <translation>Choisissez la collection du catalogue qui reçoit les fichiers rapatriés.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Choose the catalogue configuration file (.ini).</source>
      <translation>Choisissez le fichier de configuration du catalogue (.ini).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Choose the service-account key file (.json).</source>
      <translation>Choisissez le fichier de clé du compte de service (.json).</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>Chosen in the list above, or typed: an asset id, an expression as JSON, or Python code using ee</source>
      <translation>Choisi dans la liste ci-dessus, ou saisi : un identifiant d'asset, une expression en JSON ou du code Python utilisant ee</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/assets.py" />
      <source>Classifier</source>
      <translation>Classifieur</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_model.py" />
      <source>Cloud</source>
      <translation>Nuages</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Cloud Storage</source>
      <translation>Cloud Storage</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Cloud cover</source>
      <translation>Couverture nuageuse</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_model.py" />
      <source>Cloud cover (%)</source>
      <translation>Couverture nuageuse (%)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Cloud project</source>
      <translation>Projet Cloud</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Cluster (key checked, owner from the key)</source>
      <translation>Cluster (clé vérifiée, propriétaire tiré de la clé)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Cluster mode needs the API-key check URL (the UAC endpoint); without it, choose hybrid mode and give the owner id.</source>
      <translation>Le mode cluster demande l’URL de vérification de la clé (le point UAC) ; sans elle, choisissez le mode hybride et donnez l’identifiant du propriétaire.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/dependencies.py" />
      <source>Collecting {name}</source>
      <translation>Recherche de {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Collection</source>
      <translation>Collection</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Collection id</source>
      <translation>Identifiant de la collection</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Collection id (urn:eop:…)</source>
      <translation>Identifiant de la collection (urn:eop:…)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Collection {id} created.</source>
      <translation>Collection {id} créée.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Collection {id} removed.</source>
      <translation>Collection {id} supprimée.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Collection {id} updated.</source>
      <translation>Collection {id} mise à jour.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>Collections of {name}</source>
      <translation>Collections de {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>Combined with the other filters by “and”.</source>
      <translation>Combiné aux autres filtres par « et ».</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Computes a table or feature collection (an asset id or an expression) page by page (table:computeFeatures) and loads its features as a vector layer.</source>
      <translation>Calcule une table ou une collection d'entités (un identifiant d'asset ou une expression) page par page (table:computeFeatures) et charge ses entités comme couche vecteur.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Computes the image's pixels over the area of interest at the scale and in the CRS given (image:computePixels), in tiles fetched in parallel and resumable, and assembles them into one Cloud-Optimised GeoTIFF clipped to the area, loaded as a layer.</source>
      <translation>Calcule les pixels de l'image sur la zone d'intérêt à l'échelle et dans le SCR donnés (image:computePixels), en tuiles téléchargées en parallèle et reprenables, puis les assemble en un GeoTIFF optimisé cloud découpé sur la zone, chargé comme couche.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Configuration</source>
      <translation>Configuration</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>Connect and save</source>
      <translation>Se connecter et enregistrer</translation>
    </message>
    <message>
      <location filename="eo_connector/core/platform.py" />
      <source>Connected</source>
      <translation>Connecté</translation>
    </message>
    <message>
      <location filename="eo_connector/processing/algorithms.py" />
      <source>Connection name</source>
      <translation>Nom de la connexion</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/qgis_auth.py" />
      <source>Continue</source>
      <translation>Continuer</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Coordinate reference system of the result files</source>
      <translation>Système de coordonnées des fichiers de résultats</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>Coordinates such as ({x}, {y}) are not longitude/latitude degrees: the coordinate reference system is probably wrong.</source>
      <translation>Des coordonnées comme ({x}, {y}) ne sont pas des degrés de longitude/latitude : le SCR est probablement incorrect.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Count the matching products, then list them in the Results tab</source>
      <translation>Compter les produits correspondants, puis les lister dans l’onglet Résultats</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/client.py" />
      <source>Counting the matching products…</source>
      <translation>Décompte des produits correspondants…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>Counting the products…</source>
      <translation>Décompte des produits…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Creating a collection</source>
      <translation>Création d’une collection</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>Creating the project</source>
      <translation>Création du projet</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>Credentials</source>
      <translation>Identifiants</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Credentials file</source>
      <translation>Fichier d'identifiants</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Credentials of “earthengine authenticate”</source>
      <translation>Identifiants de « earthengine authenticate »</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Credits are charged by area (the price is not published). Your last scenario used {used} credits for {area} km².</source>
      <translation>Les crédits sont facturés à la surface (le prix n’est pas publié). Votre dernier scénario a utilisé {used} crédits pour {area} km².</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Credits are charged by area (the price is not published): this area is {area} km².</source>
      <translation>Les crédits sont facturés à la surface (le prix n’est pas publié) : cette zone fait {area} km².</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Credits available: {credits}</source>
      <translation>Crédits disponibles : {credits}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Credits before: {before}</source>
      <translation>Crédits avant : {before}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Credits left</source>
      <translation>Crédits restants</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Credits: add a connection first.</source>
      <translation>Crédits : ajoutez d'abord une connexion.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Credits: unknown (press Test in the connection section).</source>
      <translation>Crédits : inconnus (cliquez sur Tester dans la section Connexion).</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Credits: {before} before, {after} after (used {used})</source>
      <translation>Crédits : {before} avant, {after} après ({used} utilisés)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>Crosses the antimeridian (180°).</source>
      <translation>Traverse l'antiméridien (180°).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Custom .ini file</source>
      <translation>Fichier .ini personnalisé</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>DL models</source>
      <translation>Modèles DL</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Data</source>
      <translation>Données</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_model.py" />
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Date from</source>
      <translation>Date depuis</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Dates</source>
      <translation>Dates</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/assets.py" />
      <source>Dates: {dates}</source>
      <translation>Dates : {dates}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Deep-learning models (comma separated, empty = default)</source>
      <translation>Modèles d'apprentissage profond (séparés par des virgules, vide = par défaut)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Default models</source>
      <translation>Modèles par défaut</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Descending</source>
      <translation>Descendante</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Description</source>
      <translation>Description</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Done</source>
      <translation>Terminée</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/jobs.py" />
      <source>Done: 1 layer loaded</source>
      <translation>Terminé : 1 couche chargée</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/jobs.py" />
      <source>Done: {count} layers loaded</source>
      <translation>Terminé : {count} couches chargées</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/jobs.py" />
      <source>Done: {count} results in layer {name}</source>
      <translation>Terminé : {count} résultats dans la couche {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/download_dialog.py" />
      <source>Download</source>
      <translation>Télécharger</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Download checked</source>
      <translation>Télécharger les cochées</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Download folder</source>
      <translation>Dossier de téléchargement</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>Download of {count} products started: follow it in the Jobs tab.</source>
      <translation>Téléchargement de {count} produits lancé : suivez-le dans l’onglet Tâches.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Download pixels over an area</source>
      <translation>Télécharger les pixels d'une zone</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>Download pixels…</source>
      <translation>Télécharger les pixels…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/download_dialog.py" />
      <source>Download products</source>
      <translation>Télécharger des produits</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_assets.py" />
      <source>Download started: follow it in the Jobs section.</source>
      <translation>Téléchargement lancé : suivez-le dans la section Tâches.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Download the checked assets of the current item and load them</source>
      <translation>Télécharger les ressources cochées de l’élément courant et les charger</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Download the chosen assets of the selected items</source>
      <translation>Télécharger les ressources choisies des éléments sélectionnés</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Download the selected products</source>
      <translation>Télécharger les produits sélectionnés</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/generic_panel.py" />
      <source>Download the selected results</source>
      <translation>Télécharger les résultats sélectionnés</translation>
    </message>
    <message>
      <location filename="eo_connector/core/download_run.py" />
      <source>Downloaded {count} files ({size})</source>
      <translation>{count} fichiers téléchargés ({size})</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Downloading {count} files</source>
      <translation>Téléchargement de {count} fichiers</translation>
    </message>
    <message>
      <location filename="eo_connector/core/download_run.py" />
      <source>Downloading {done} of {count} files ({size})</source>
      <translation>Téléchargement de {done} fichiers sur {count} ({size})</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/dependencies.py" />
      <source>Downloading {name}</source>
      <translation>Téléchargement de {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/core/download_request.py" />
      <source>Downloading {name} failed unexpectedly; run the download again to resume it.</source>
      <translation>Le téléchargement de {name} a échoué de façon inattendue ; relancez le téléchargement pour le reprendre.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>Downloading: {size}</source>
      <translation>Téléchargement : {size}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Downloads the chosen assets of the items (e.g. a STAC search's footprints layer, or features selected in it) into &lt;folder&gt;/&lt;item id&gt;/&lt;file&gt;, in parallel and resumable, sizes checked, and loads the rasters and vectors as layers, one group per item. Assets only in S3 storage are left out with a sentence.</source>
      <translation>Télécharge les ressources choisies des éléments (par exemple la couche d’emprises d’une recherche STAC, ou les entités qui y sont sélectionnées) dans &lt;dossier&gt;/&lt;id de l’élément&gt;/&lt;fichier&gt;, en parallèle et avec reprise, tailles vérifiées, puis charge rasters et vecteurs en couches, un groupe par élément. Les ressources qui ne sont que dans un stockage S3 sont laissées de côté, avec une phrase qui le dit.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Downloads the chosen kinds of files of the products (e.g. the output of “Terrascope product search”, or features selected in it) into &lt;folder&gt;/&lt;product id&gt;/&lt;file&gt;, in parallel and resumable, sizes checked, and loads the rasters and vectors as layers, one group per product.</source>
      <translation>Télécharge les types de fichiers choisis des produits (par exemple la sortie de « Recherche de produits Terrascope », ou les entités qui y sont sélectionnées) dans &lt;dossier&gt;/&lt;identifiant du produit&gt;/&lt;fichier&gt;, en parallèle et avec reprise, tailles vérifiées, puis charge les rasters et les vecteurs comme couches, un groupe par produit.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Download…</source>
      <translation>Télécharger…</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>E-mail</source>
      <translation>Adresse e-mail</translation>
    </message>
    <message>
      <location filename="eo_connector/plugin.py" />
      <source>EO Connector</source>
      <translation>EO Connector</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/help.py" />
      <source>EO Connector help</source>
      <translation>Aide d’EO Connector</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/qgis_auth.py" />
      <source>EO Connector keeps your sign-ins in QGIS's encrypted authentication database (no system keyring works here), which has no master password yet: QGIS will now ask you to choose one, and Cancel there only means this sign-in is kept until QGIS closes.</source>
      <translation>EO Connector garde vos connexions dans la base d’authentification chiffrée de QGIS (aucun trousseau système ne fonctionne ici), qui n’a pas encore de mot de passe principal : QGIS va vous demander d’en choisir un, et Annuler y signifie seulement que cette connexion est gardée jusqu’à la fermeture de QGIS.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/qgis_auth.py" />
      <source>EO Connector keeps your sign-ins in QGIS's encrypted authentication database (no system keyring works here): QGIS will now ask for its master password, and Cancel there only means your saved sign-ins cannot be used until QGIS restarts.</source>
      <translation>EO Connector garde vos connexions dans la base d’authentification chiffrée de QGIS (aucun trousseau système ne fonctionne ici) : QGIS va demander son mot de passe principal, et Annuler y signifie seulement que vos connexions enregistrées ne peuvent pas servir avant le redémarrage de QGIS.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>EPSG:3857 — Web Mercator</source>
      <translation>EPSG:3857 — Web Mercator</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>EPSG:4326 — WGS 84 longitude/latitude</source>
      <translation>EPSG:4326 — WGS 84 longitude/latitude</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Earth Engine API</source>
      <translation>API Earth Engine</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Earth Engine asset</source>
      <translation>Asset Earth Engine</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/client.py" />
      <source>Earth Engine does not know it: {message}</source>
      <translation>Earth Engine ne le connaît pas : {message}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Earth Engine export</source>
      <translation>Export Earth Engine</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Earth Engine export: {name}</source>
      <translation>Export Earth Engine : {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Earth Engine features as a layer</source>
      <translation>Entités Earth Engine en couche</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/client.py" />
      <source>Earth Engine is busy: {message} Try again in a moment.</source>
      <translation>Earth Engine est occupé : {message} Réessayez dans un instant.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/client.py" />
      <source>Earth Engine is having trouble: {message} Try again in a few minutes.</source>
      <translation>Earth Engine rencontre un problème : {message} Réessayez dans quelques minutes.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/pixels.py" />
      <source>Earth Engine kept refusing the tiles as too large; choose a coarser scale.</source>
      <translation>Earth Engine refuse toujours les tuiles comme trop grandes : choisissez une échelle plus grossière.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Earth Engine layer: {name}</source>
      <translation>Couche Earth Engine : {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Earth Engine needs the Python package earthengine-api, which is not installed: press Install below, then restart QGIS.</source>
      <translation>Earth Engine a besoin du paquet Python earthengine-api, qui n'est pas installé : cliquez sur Installer ci-dessous, puis redémarrez QGIS.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Earth Engine pixels: {name}</source>
      <translation>Pixels Earth Engine : {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/client.py" />
      <source>Earth Engine refused access: {message}</source>
      <translation>Earth Engine a refusé l'accès : {message}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/client.py" />
      <source>Earth Engine refused the request: {message}</source>
      <translation>Earth Engine a refusé la requête : {message}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/client.py" />
      <source>Earth Engine refused the sign-in ({message}): sign in again.</source>
      <translation>Earth Engine a refusé la connexion ({message}) : connectez-vous à nouveau.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Earth Engine task</source>
      <translation>Tâche Earth Engine</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Earth Engine task {state} ({percent} %)</source>
      <translation>Tâche Earth Engine {state} ({percent} %)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Earth Engine task: {name}</source>
      <translation>Tâche Earth Engine : {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Edit collection</source>
      <translation>Modifier la collection</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Edit…</source>
      <translation>Modifier…</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>End date</source>
      <translation>Date de fin</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Enter the API key.</source>
      <translation>Saisissez la clé d’API.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Enter the Cloud project registered for Earth Engine.</source>
      <translation>Saisissez le projet Cloud enregistré pour Earth Engine.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Enter the RS-Server address (https://…).</source>
      <translation>Saisissez l’adresse de RS-Server (https://…).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Enter the RS-Server address (or every service root).</source>
      <translation>Saisissez l’adresse de RS-Server (ou la racine de chaque service).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>Enter the STAC API's address (https://…).</source>
      <translation>Saisissez l’adresse de l’API STAC (https://…).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Enter the e-mail address of your account.</source>
      <translation>Saisissez l'adresse e-mail de votre compte.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>Enter the key or token.</source>
      <translation>Saisissez la clé ou le jeton.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>Enter the legacy root to list, e.g. users/your name.</source>
      <translation>Saisissez la racine historique à lister, par ex. users/votre nom.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Enter your SEPAL password.</source>
      <translation>Saisissez votre mot de passe SEPAL.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/auth.py" />
      <source>Enter your SEPAL username and password.</source>
      <translation>Saisissez votre nom d'utilisateur et votre mot de passe SEPAL.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/oidc.py" />
      <source>Enter your Terrascope username and password.</source>
      <translation>Saisissez votre nom d'utilisateur et votre mot de passe Terrascope.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Enter your password, or sign in with the browser.</source>
      <translation>Saisissez votre mot de passe, ou connectez-vous avec le navigateur.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Enter your password.</source>
      <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Enter your username.</source>
      <translation>Saisissez votre nom d'utilisateur.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Environment</source>
      <translation>Environnement</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>Estimating an Earth Engine download</source>
      <translation>Estimation d'un téléchargement Earth Engine</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>Estimating the size of the download…</source>
      <translation>Estimation de la taille du téléchargement…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Existing</source>
      <translation>Existant</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Existing project id (0 = new project)</source>
      <translation>Identifiant du projet existant (0 = nouveau projet)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Export</source>
      <translation>Exporter</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Export {name}</source>
      <translation>Export {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Exports an image (over the area of interest, at the scale given) or a table to Google Drive, Cloud Storage or an Earth Engine asset, as an Earth Engine task followed in the Jobs list; cancelling the job cancels the task.</source>
      <translation>Exporte une image (sur la zone d'intérêt, à l'échelle donnée) ou une table vers Google Drive, Cloud Storage ou un asset Earth Engine, comme tâche Earth Engine suivie dans la liste des tâches ; annuler la tâche l'annule aussi sur le serveur.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>Extent (lon/lat): {west}, {south} — {east}, {north}</source>
      <translation>Emprise (lon/lat) : {west}, {south} — {east}, {north}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Extra</source>
      <translation>Autres</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/search_filters.py" />
      <source>Extra parameter line {number} is not key=value: {line}</source>
      <translation>La ligne {number} des autres paramètres n'est pas de la forme clé=valeur : {line}</translation>
    </message>
    <message>
      <location filename="eo_connector/core/safe_paths.py" />
      <source>Extracted {count} files</source>
      <translation>{count} fichiers extraits</translation>
    </message>
    <message>
      <location filename="eo_connector/core/safe_paths.py" />
      <source>Extracting {name} ({number} of {count})</source>
      <translation>Extraction de {name} ({number} sur {count})</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Failed</source>
      <translation>Échouée</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/pixels.py" />
      <source>Fetching {count} tiles of pixels ({size} uncompressed)</source>
      <translation>Téléchargement de {count} tuiles de pixels ({size} non compressés)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Files to download</source>
      <translation>Fichiers à télécharger</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Files to stage (a CADIP or AUXIP search layer)</source>
      <translation>Fichiers à rapatrier (une couche de recherche CADIP ou AUXIP)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>Filter the list by title or id</source>
      <translation>Filtrer la liste par titre ou identifiant</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Finding the staged items in {collection}</source>
      <translation>Recherche des éléments rapatriés dans {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/jobs.py" />
      <source>Finished after its connection was removed: the results were not loaded.</source>
      <translation>Terminée après la suppression de sa connexion : les résultats n’ont pas été chargés.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/assets.py" />
      <source>Folder</source>
      <translation>Dossier</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/download_dialog.py" />
      <source>Folder for the downloaded products</source>
      <translation>Dossier des produits téléchargés</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Folder for the scenario results</source>
      <translation>Dossier des résultats du scénario</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Folder, bucket or asset id</source>
      <translation>Dossier, bucket ou identifiant d'asset</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Follow again</source>
      <translation>Reprendre le suivi</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>Follow my running tasks</source>
      <translation>Suivre mes tâches en cours</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>Following scenario {id} again</source>
      <translation>Reprise du suivi du scénario {id}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>Forget the area of interest</source>
      <translation>Oublier la zone d'intérêt</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/download_dialog.py" />
      <source>Free space in {folder}: {free}.</source>
      <translation>Espace libre dans {folder} : {free}.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>From</source>
      <translation>Source</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>From {source}</source>
      <translation>Issue de {source}</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/streaming.py" />
      <source>GDAL could not open “{name}” in place (the server may not allow byte ranges, or refused the credentials): download it instead.</source>
      <translation>GDAL n’a pas pu ouvrir « {name} » sur place (le serveur refuse peut-être les lectures partielles ou les identifiants) : téléchargez-la plutôt.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Gamma</source>
      <translation>Gamma</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/expressions.py" />
      <source>Give an Earth Engine asset id or an expression.</source>
      <translation>Donnez un identifiant d'asset Earth Engine ou une expression.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Give the CRS as an EPSG code, e.g. EPSG:4326 or EPSG:32631.</source>
      <translation>Donnez le SCR sous forme de code EPSG, par ex. EPSG:4326 ou EPSG:32631.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Give the Drive folder, the Cloud Storage bucket or the asset id to export to.</source>
      <translation>Donnez le dossier Drive, le bucket Cloud Storage ou l'identifiant d'asset de destination.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/client.py" />
      <source>Give the collection an id.</source>
      <translation>Donnez un identifiant à la collection.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/connections.py" />
      <source>Give the connection a name.</source>
      <translation>Donnez un nom à la connexion.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/options.py" />
      <source>Give the scenario a name.</source>
      <translation>Donnez un nom au scénario.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Google Drive</source>
      <translation>Google Drive</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>Google Earth Engine</source>
      <translation>Google Earth Engine</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/auth.py" />
      <source>Google refused the service-account key: {reason}</source>
      <translation>Google a refusé la clé du compte de service : {reason}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/auth.py" />
      <source>Google refused the sign-in: {reason}</source>
      <translation>Google a refusé la connexion : {reason}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Google sign-in page</source>
      <translation>Page de connexion Google</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Google token endpoint</source>
      <translation>Point d'accès des jetons Google</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>HR-VPP</source>
      <translation>HR-VPP</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>Header</source>
      <translation>En-tête</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/dock.py" />
      <source>Help on connections and signing in</source>
      <translation>Aide sur les connexions et l’identification</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/dock.py" />
      <source>Help on this tab (opens the guide's section)</source>
      <translation>Aide sur cet onglet (ouvre la section du guide)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Highest cloud cover (100 %: no maximum)</source>
      <translation>Couverture nuageuse maximale (100 % : pas de maximum)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Hybrid (key, owner given)</source>
      <translation>Hybride (clé, propriétaire donné)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Id</source>
      <translation>Identifiant</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/assets.py" />
      <source>Image</source>
      <translation>Image</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/assets.py" />
      <source>Image collection</source>
      <translation>Collection d'images</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Image, collection or expression</source>
      <translation>Image, collection ou expression</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Image, table or expression</source>
      <translation>Image, table ou expression</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Imagery</source>
      <translation>Imagerie</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>In hybrid mode the owner id must be given: edit the connection.</source>
      <translation>En mode hybride, l’identifiant du propriétaire doit être donné : modifiez la connexion.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>In the browser</source>
      <translation>Dans le navigateur</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>In the browser (Google)</source>
      <translation>Dans le navigateur (Google)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/config.py" />
      <source>In the catalogue configuration {file}, [Catalogue] URL must be an http(s) address.</source>
      <translation>Dans la configuration du catalogue {file}, [Catalogue] URL doit être une adresse http(s).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/config.py" />
      <source>In the catalogue configuration {file}, {key} must be True or False.</source>
      <translation>Dans la configuration du catalogue {file}, {key} doit valoir True ou False.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/config.py" />
      <source>In the catalogue configuration {file}, {key} must be a whole number.</source>
      <translation>Dans la configuration du catalogue {file}, {key} doit être un nombre entier.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/config.py" />
      <source>In the catalogue configuration {file}, {key} must be an http(s) address.</source>
      <translation>Dans la configuration du catalogue {file}, {key} doit être une adresse http(s).</translation>
    </message>
    <message>
      <location filename="eo_connector/plugin.py" />
      <source>Install {names}</source>
      <translation>Installer {names}</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/dependencies.py" />
      <source>Installed {names}</source>
      <translation>Installation terminée : {names}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/dependency_notice.py" />
      <source>Installed. Restart QGIS if something still says it is missing.</source>
      <translation>Installé. Redémarrez QGIS si quelque chose le dit encore manquant.</translation>
    </message>
    <message>
      <location filename="eo_connector/plugin.py" />
      <source>Installed. Restart QGIS to use them.</source>
      <translation>Installé. Redémarrez QGIS pour les utiliser.</translation>
    </message>
    <message>
      <location filename="eo_connector/plugin.py" />
      <source>Installing Python packages for EO Connector</source>
      <translation>Installation des paquets Python pour EO Connector</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/dependency_notice.py" />
      <source>Installing Python packages for {platform}</source>
      <translation>Installation des paquets Python pour {platform}</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/dependencies.py" />
      <source>Installing {names}</source>
      <translation>Installation de {names}</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/dependencies.py" />
      <source>Installing {names} failed; see the EO Connector log.</source>
      <translation>L'installation de {names} a échoué ; consultez le journal d'EO Connector.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/dependency_notice.py" />
      <source>Installing… QGIS keeps working meanwhile.</source>
      <translation>Installation… QGIS reste utilisable pendant ce temps.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Interrupted</source>
      <translation>Interrompue</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>Into</source>
      <translation>Vers</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Item id from</source>
      <translation>Identifiant de l’élément depuis</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>Item ids</source>
      <translation>Identifiants des éléments</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/streaming.py" />
      <source>Item {item} has no asset {asset}.</source>
      <translation>L’élément {item} n’a pas de ressource {asset}.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/publishing.py" />
      <source>Item “{id}” appears twice: choose an id field whose values differ.</source>
      <translation>L’élément « {id} » apparaît deux fois : choisissez un champ d’identifiant aux valeurs distinctes.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/publishing.py" />
      <source>Item “{id}”: asset {asset} is a local file ({href}); RS-Server only takes assets already in S3 or on the web: upload it first.</source>
      <translation>Élément « {id} » : la ressource {asset} est un fichier local ({href}) ; RS-Server n’accepte que des ressources déjà dans S3 ou sur le web : envoyez-la d’abord.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/publishing.py" />
      <source>Item “{id}”: it needs a bbox.</source>
      <translation>Élément « {id} » : il lui faut une emprise (bbox).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/publishing.py" />
      <source>Item “{id}”: it needs a date (datetime, or start and end).</source>
      <translation>Élément « {id} » : il lui faut une date (datetime, ou début et fin).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/publishing.py" />
      <source>Item “{id}”: its geometry is not GeoJSON.</source>
      <translation>Élément « {id} » : sa géométrie n’est pas du GeoJSON.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/publishing.py" />
      <source>Item “{id}”: the id may only have letters, digits, '_', '-' and '.'.</source>
      <translation>Élément « {id} » : l’identifiant ne peut contenir que lettres, chiffres, '_', '-' et '.'.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/publishing.py" />
      <source>Item “{id}”: {name} “{value}” is not an ISO date and time.</source>
      <translation>Élément « {id} » : {name} « {value} » n’est pas une date et heure ISO.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Items (a footprints layer of a search)</source>
      <translation>Éléments (une couche d’emprises d’une recherche)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Its content is kept in your keyring: the file can be moved afterwards.</source>
      <translation>Son contenu est gardé dans votre trousseau : le fichier peut ensuite être déplacé.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Job</source>
      <translation>Tâche</translation>
    </message>
    <message>
      <location filename="eo_connector/processing/algorithms.py" />
      <source>Job id</source>
      <translation>Identifiant de la tâche</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/dock.py" />
      <source>Jobs</source>
      <translation>Tâches</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/dock.py" />
      <source>Jobs ({count})</source>
      <translation>Tâches ({count})</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Kept in the system keyring (else QGIS's authentication database), never in the project or QGIS's settings.</source>
      <translation>Gardée dans le trousseau du système (sinon la base d’authentification de QGIS), jamais dans le projet ni les réglages de QGIS.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>Kept in the system keyring (else QGIS's authentication database).</source>
      <translation>Gardé dans le trousseau du système (sinon la base d’authentification de QGIS).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Key file</source>
      <translation>Fichier de clé</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>Key or token</source>
      <translation>Clé ou jeton</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>Large download</source>
      <translation>Gros téléchargement</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Last changed in the catalogue between these dates (empty: no limit)</source>
      <translation>Modifié dans le catalogue entre ces dates (vide : sans limite)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Layer</source>
      <translation>Couche</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>Layer '{name}' cannot be read.</source>
      <translation>Impossible de lire la couche « {name} ».</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>Layer '{name}' has no coordinate reference system: set one in Layer Properties.</source>
      <translation>La couche « {name} » n'a pas de SCR : définissez-en un dans les propriétés de la couche.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>Layer '{name}' has no features.</source>
      <translation>La couche « {name} » ne contient aucune entité.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Layer name</source>
      <translation>Nom de la couche</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>Legacy (users/…)</source>
      <translation>Historique (users/…)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Legacy assets (users/…)</source>
      <translation>Assets historiques (users/…)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>List</source>
      <translation>Lister</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>List the projects of this account</source>
      <translation>Lister les projets de ce compte</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Listing BrightEarth projects</source>
      <translation>Liste des projets BrightEarth</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>Listing Earth Engine assets</source>
      <translation>Liste des assets Earth Engine</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>Listing Earth Engine tasks</source>
      <translation>Liste des tâches Earth Engine</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>Listing RS-Server collections</source>
      <translation>Liste des collections RS-Server</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>Listing Terrascope collections</source>
      <translation>Liste des collections Terrascope</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>Listing the catalogue's collections…</source>
      <translation>Liste des collections du catalogue…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Listing the collections of {name}</source>
      <translation>Liste des collections de {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Listing the collections…</source>
      <translation>Liste des collections…</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>Listing the result files</source>
      <translation>Liste des fichiers de résultats</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Listing your projects…</source>
      <translation>Liste de vos projets…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>Listing…</source>
      <translation>Liste en cours…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>Lists the account's tasks that are not finished and follows them in Jobs</source>
      <translation>Liste les tâches du compte qui ne sont pas terminées et les suit dans les tâches</translation>
    </message>
    <message>
      <location filename="eo_connector/processing/algorithms.py" />
      <source>Load the results as layers</source>
      <translation>Charger les résultats comme couches</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_browser.py" />
      <source>Loading quicklook…</source>
      <translation>Chargement de l'imagette…</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Local (no authentication)</source>
      <translation>Local (sans authentification)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Lowest cloud cover (0 %: no minimum)</source>
      <translation>Couverture nuageuse minimale (0 % : pas de minimum)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>Map extent</source>
      <translation>Emprise de la carte</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>Map layer</source>
      <translation>Couche cartographique</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Maximum</source>
      <translation>Maximum</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Maximum cloud cover (%)</source>
      <translation>Couverture nuageuse maximale (%)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Metadata</source>
      <translation>Métadonnées</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Metadata (alternates)</source>
      <translation>Métadonnées (alternates)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Minimum</source>
      <translation>Minimum</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Mode</source>
      <translation>Mode</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Modified</source>
      <translation>Modifié</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Mono extraction (one image)</source>
      <translation>Extraction mono (une image)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>More filters</source>
      <translation>Autres filtres</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/field_form.py" />
      <source>More options</source>
      <translation>Plus d'options</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>More…</source>
      <translation>Plus…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>My project</source>
      <translation>Mon projet</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connection_dialog.py" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Name of the new project; empty: the scenario's name</source>
      <translation>Nom du nouveau projet ; vide : le nom du scénario</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Needs {what}.</source>
      <translation>Nécessite {what}.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>New collection</source>
      <translation>Nouvelle collection</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connection_dialog.py" />
      <source>New connection</source>
      <translation>Nouvelle connexion</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>New project</source>
      <translation>Nouveau projet</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>New…</source>
      <translation>Nouvelle…</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/session.py" />
      <source>No RS-Server API key is saved for this connection on this computer: edit it and enter the key.</source>
      <translation>Aucune clé d’API RS-Server n’est enregistrée pour cette connexion sur cet ordinateur : modifiez-la et saisissez la clé.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/session.py" />
      <source>No RS-Server session cookie is saved for this connection: edit it and paste the cookie.</source>
      <translation>Aucun cookie de session RS-Server n’est enregistré pour cette connexion : modifiez-la et collez le cookie.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>No abstract.</source>
      <translation>Aucun résumé.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>No active layer: select a polygon layer in the Layers panel first.</source>
      <translation>Aucune couche active : sélectionnez d'abord une couche de polygones dans le panneau Couches.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>No area of interest (Area tab).</source>
      <translation>Pas de zone d’intérêt (onglet Zone).</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>No area of interest yet: choose where it comes from and press “Use as area of interest”.</source>
      <translation>Pas encore de zone d'intérêt : choisissez sa source et cliquez sur « Utiliser comme zone d'intérêt ».</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>No area of interest: the whole collection is searched.</source>
      <translation>Pas de zone d’intérêt : toute la collection est parcourue.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>No collection matches these filters.</source>
      <translation>Aucune collection ne correspond à ces filtres.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>No connection yet: press + to add your account on one of the platforms.</source>
      <translation>Aucune connexion pour l'instant : appuyez sur + pour ajouter votre compte sur l'une des plateformes.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>No credentials</source>
      <translation>Sans identifiants</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>No features are selected in layer '{name}': select the features of the area first.</source>
      <translation>Aucune entité n'est sélectionnée dans la couche « {name} » : sélectionnez d'abord les entités de la zone.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>No item matches: widen the dates, the area or the filters.</source>
      <translation>Aucun élément ne correspond : élargissez les dates, la zone ou les filtres.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>No job yet: processing runs and downloads you start are listed here.</source>
      <translation>Aucune tâche pour l’instant : les traitements et téléchargements que vous lancez sont listés ici.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>No product matches: widen the dates, the area or the cloud cover.</source>
      <translation>Aucun produit ne correspond : élargissez les dates, la zone ou la couverture nuageuse.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_browser.py" />
      <source>No quicklook</source>
      <translation>Pas d'imagette</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_text.py" />
      <source>No results</source>
      <translation>Aucun résultat</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>No secure place to keep your credentials was found (system keyring or QGIS authentication database).</source>
      <translation>Aucun emplacement sécurisé n'a été trouvé pour conserver vos identifiants (trousseau de clés du système ou base de données d'authentification de QGIS).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>No sign-in needed: this catalogue is open to all.</source>
      <translation>Aucune connexion nécessaire : ce catalogue est ouvert à tous.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>None (public)</source>
      <translation>Aucun (public)</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>None of the features of layer '{name}' has a geometry.</source>
      <translation>Aucune entité de la couche « {name} » n'a de géométrie.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>Not enough credits on your account for this scenario.</source>
      <translation>Votre compte n'a pas assez de crédits pour ce scénario.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/safe_paths.py" />
      <source>Not enough free disk space in {folder}: {needed} needed, {free} free. Free some space or choose another output folder.</source>
      <translation>Espace disque insuffisant dans {folder} : {needed} nécessaires, {free} disponibles. Libérez de l'espace ou choisissez un autre dossier de sortie.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/qgis_auth.py" />
      <source>Not now</source>
      <translation>Pas maintenant</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Not sent — fix these first:</source>
      <translation>Rien n’est envoyé — corrigez d’abord :</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Not signed in to Earth Engine: sign in again.</source>
      <translation>Non connecté à Earth Engine : connectez-vous à nouveau.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>Not signed in: enter the password of {user}.</source>
      <translation>Non connecté : saisissez le mot de passe de {user}.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Not signed in: sign in again with your password or in the browser.</source>
      <translation>Non connecté : reconnectez-vous avec votre mot de passe ou dans le navigateur.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>Note: {note}</source>
      <translation>Remarque : {note}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>Nothing found.</source>
      <translation>Rien trouvé.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Nothing has been started on the server yet: no credit is spent.</source>
      <translation>Rien n'a encore été lancé sur le serveur : aucun crédit n'est dépensé.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>Nothing matches: widen the dates or change the platform.</source>
      <translation>Rien ne correspond : élargissez les dates ou changez de plateforme.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>Nothing was downloaded ({size})</source>
      <translation>Rien n'a été téléchargé ({size})</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>Only collections with products over the area of interest</source>
      <translation>Uniquement les collections ayant des produits sur la zone d'intérêt</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_browser.py" />
      <source>Only the first {count} previews are added at once.</source>
      <translation>Seuls les {count} premiers aperçus sont ajoutés à la fois.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Open folder</source>
      <translation>Ouvrir le dossier</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Open in place</source>
      <translation>Ouvrir sur place</translation>
    </message>
    <message>
      <location filename="eo_connector/plugin.py" />
      <source>Open the EO Connector panel</source>
      <translation>Ouvrir le panneau EO Connector</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Open the job's output folder</source>
      <translation>Ouvrir le dossier de sortie de la tâche</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/help.py" />
      <source>Open this section of the guide in your web browser</source>
      <translation>Ouvrir cette section du guide dans votre navigateur web</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_assets.py" />
      <source>Opening {asset} in place</source>
      <translation>Ouverture de {asset} sur place</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_assets.py" />
      <source>Opening {asset} in place…</source>
      <translation>Ouverture de {asset} sur place…</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Or a search by reference</source>
      <translation>Ou une recherche par référence</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Or the date</source>
      <translation>Ou la date</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_model.py" />
      <source>Orbit</source>
      <translation>Orbite</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Orbit direction</source>
      <translation>Sens de l'orbite</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Other catalogue parameters, one key=value a line</source>
      <translation>Autres paramètres du catalogue, un clé=valeur par ligne</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Other files</source>
      <translation>Autres fichiers</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Output CRS</source>
      <translation>SCR de sortie</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Output folder</source>
      <translation>Dossier de sortie</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Output: {path}</source>
      <translation>Sortie : {path}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>Over the area of interest</source>
      <translation>Sur la zone d'intérêt</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Over the area of interest ({area} km²)</source>
      <translation>Sur la zone d’intérêt ({area} km²)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Overviews</source>
      <translation>Aperçus</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Owner id</source>
      <translation>Identifiant du propriétaire</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>Owner unknown: {error}</source>
      <translation>Propriétaire inconnu : {error}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Owner {owner}</source>
      <translation>Propriétaire {owner}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>Owner {owner} · {mode} mode</source>
      <translation>Propriétaire {owner} · mode {mode}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>Page size</source>
      <translation>Taille de page</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Palette</source>
      <translation>Palette</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Password</source>
      <translation>Mot de passe</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Paste the session cookie.</source>
      <translation>Collez le cookie de session.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Pixels of {name}</source>
      <translation>Pixels de {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>Pixels over the area of interest</source>
      <translation>Pixels sur la zone d'intérêt</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Platform</source>
      <translation>Plateforme</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Preview</source>
      <translation>Aperçu</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Previews</source>
      <translation>Aperçus</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>Processed by the BrightEarth server</source>
      <translation>Traité par le serveur BrightEarth</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/dock.py" />
      <source>Processing runs and downloads, with their progress</source>
      <translation>Traitements et téléchargements, avec leur progression</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Product group</source>
      <translation>Groupe de produits</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_model.py" />
      <source>Product title</source>
      <translation>Titre du produit</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Product type</source>
      <translation>Type de produit</translation>
    </message>
    <message>
      <location filename="eo_connector/core/platform.py" />
      <source>Products</source>
      <translation>Produits</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Products (a footprints layer of a search)</source>
      <translation>Produits (une couche d'emprises d'une recherche)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Products acquired together share a group id (empty: any)</source>
      <translation>Les produits acquis ensemble partagent un identifiant de groupe (vide : tous)</translation>
    </message>
    <message>
      <location filename="eo_connector/processing/algorithms.py" />
      <source>Products found</source>
      <translation>Produits trouvés</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Progress</source>
      <translation>Progression</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Project name</source>
      <translation>Nom du projet</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Public catalogue</source>
      <translation>Catalogue public</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>Publish</source>
      <translation>Publier</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Published</source>
      <translation>Publié</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Published in the catalogue between these dates (empty: no limit)</source>
      <translation>Publié dans le catalogue entre ces dates (vide : sans limite)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Publishing items</source>
      <translation>Publication des éléments</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Publishing {count} items…</source>
      <translation>Publication de {count} éléments…</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/publishing.py" />
      <source>Publishing {id}</source>
      <translation>Publication de {id}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/expressions.py" />
      <source>Python expressions need a connection to Earth Engine.</source>
      <translation>Les expressions Python demandent une connexion à Earth Engine.</translation>
    </message>
    <message>
      <location filename="eo_connector/plugin.py" />
      <source>Python package missing: {names}. Until it is installed, passwords and tokens are kept in the QGIS authentication database instead of the system keyring.</source>
      <translation>Paquet Python manquant : {names}. Tant qu'il n'est pas installé, les mots de passe et les jetons sont conservés dans la base de données d'authentification de QGIS au lieu du trousseau de clés du système.</translation>
    </message>
    <message>
      <location filename="eo_connector/plugin.py" />
      <source>Python packages missing: {names}. The plugin needs them to connect to the platforms.</source>
      <translation>Paquets Python manquants : {names}. L'extension en a besoin pour se connecter aux plateformes.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/qgis_auth.py" />
      <source>QGIS authentication database</source>
      <translation>base de données d'authentification de QGIS</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/streaming.py" />
      <source>QGIS could not open “{name}” in place: download it instead.</source>
      <translation>QGIS n’a pas pu ouvrir « {name} » sur place : téléchargez-la plutôt.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>QGIS was closed while this job ran: press Follow again to resume it.</source>
      <translation>QGIS a été fermé pendant cette tâche : cliquez sur Reprendre le suivi pour la reprendre.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Queued</source>
      <translation>En attente</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>Queued on the BrightEarth server</source>
      <translation>En file d’attente sur le serveur BrightEarth</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_browser.py" />
      <source>Quicklook not available: {reason}</source>
      <translation>Imagette indisponible : {reason}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>RS-Server</source>
      <translation>RS-Server</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>RS-Server ({url}) does not answer: check the address and your network, or try again later.</source>
      <translation>RS-Server ({url}) ne répond pas : vérifiez l’adresse et votre réseau, ou réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>RS-Server AUXIP search</source>
      <translation>Recherche AUXIP RS-Server</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>RS-Server CADIP session search</source>
      <translation>Recherche de sessions CADIP RS-Server</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/client.py" />
      <source>RS-Server URL is undefined: edit the connection.</source>
      <translation>L’URL de RS-Server n’est pas définie : modifiez la connexion.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>RS-Server asset download</source>
      <translation>Téléchargement de ressources RS-Server</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>RS-Server catalogue search</source>
      <translation>Recherche dans le catalogue RS-Server</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>RS-Server owner</source>
      <translation>Propriétaire RS-Server</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/client.py" />
      <source>RS-Server refused the API key: it is wrong, revoked or expired. Create a new key and edit the connection.</source>
      <translation>RS-Server a refusé la clé d’API : elle est fausse, révoquée ou expirée. Créez une nouvelle clé et modifiez la connexion.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/client.py" />
      <source>RS-Server refused the session cookie: it has expired. Sign in to RS-Server in the browser again, paste the new cookie in the connection, then search again.</source>
      <translation>RS-Server a refusé le cookie de session : il a expiré. Reconnectez-vous à RS-Server dans le navigateur, collez le nouveau cookie dans la connexion, puis relancez la recherche.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>RS-Server staging</source>
      <translation>Rapatriement RS-Server</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>RS-Server staging: {name}</source>
      <translation>Rapatriement RS-Server : {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/client.py" />
      <source>RS-Server {service}</source>
      <translation>RS-Server {service}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>RS-Server {service} search</source>
      <translation>Recherche {service} RS-Server</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/session.py" />
      <source>RS-Server's sign-in service is failing: try again later.</source>
      <translation>Le service de connexion de RS-Server est en panne : réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Raster</source>
      <translation>Raster</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Raster formats</source>
      <translation>Formats raster</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/help.py" />
      <source>Read online</source>
      <translation>Lire en ligne</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>Read the area of interest again from the chosen source</source>
      <translation>Relire la zone d'intérêt depuis la source choisie</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Reading a collection</source>
      <translation>Lecture d’une collection</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/assets.py" />
      <source>Reading the Earth Engine catalogue…</source>
      <translation>Lecture du catalogue Earth Engine…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>Reading the asset</source>
      <translation>Lecture de l'asset</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>Reading the dataset's description</source>
      <translation>Lecture de la description du jeu de données</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Reading the filters of {collection}</source>
      <translation>Lecture des filtres de {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Reading the filters of {collection}…</source>
      <translation>Lecture des filtres de {collection}…</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Reading the image's bands</source>
      <translation>Lecture des bandes de l'image</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/live_layers.py" />
      <source>Refreshing the map of {name}</source>
      <translation>Renouvellement de la carte de {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Related (quality layers)</source>
      <translation>Associés (couches de qualité)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Relative orbit</source>
      <translation>Orbite relative</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Relative orbit (0 = any)</source>
      <translation>Orbite relative (0 = toutes)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Relative orbit number (any: no filter)</source>
      <translation>Numéro d’orbite relative (toutes : sans filtre)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Remove</source>
      <translation>Supprimer</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Remove collection</source>
      <translation>Supprimer la collection</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Remove collection {id} and all its items from your catalogue? This cannot be undone.</source>
      <translation>Supprimer la collection {id} et tous ses éléments de votre catalogue ? C’est définitif.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>Remove connection</source>
      <translation>Supprimer la connexion</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>Remove from catalogue</source>
      <translation>Retirer du catalogue</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>Remove items</source>
      <translation>Retirer des éléments</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Remove job</source>
      <translation>Supprimer la tâche</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>Remove the connection {name}? Its saved session is deleted, and the footprints and previews of its searches leave the map.</source>
      <translation>Supprimer la connexion {name} ? Sa session enregistrée est effacée, et les emprises et aperçus de ses recherches quittent la carte.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Remove the job from the list (files are kept)</source>
      <translation>Retirer la tâche de la liste (les fichiers sont conservés)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Remove the job {name} from the list? Its files stay in {path}.</source>
      <translation>Retirer la tâche {name} de la liste ? Ses fichiers restent dans {path}.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>Remove the selected items from your catalogue</source>
      <translation>Retirer les éléments sélectionnés de votre catalogue</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>Remove this connection</source>
      <translation>Supprimer cette connexion</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>Remove {count} items from your catalogue? This cannot be undone.</source>
      <translation>Retirer {count} éléments de votre catalogue ? C’est définitif.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Removing a collection</source>
      <translation>Suppression d’une collection</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>Removing items</source>
      <translation>Retrait des éléments</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Replace items that exist</source>
      <translation>Remplacer les éléments existants</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/pixels.py" />
      <source>Reprojecting the area of interest needs GDAL; choose EPSG:4326.</source>
      <translation>La reprojection de la zone d'intérêt demande GDAL : choisissez EPSG:4326.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>Request method</source>
      <translation>Méthode de requête</translation>
    </message>
    <message>
      <location filename="eo_connector/processing/algorithms.py" />
      <source>Result files</source>
      <translation>Fichiers de résultats</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/dock.py" />
      <source>Results</source>
      <translation>Résultats</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Resume an interrupted, failed or cancelled job</source>
      <translation>Reprendre une tâche interrompue, échouée ou annulée</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Roles</source>
      <translation>Rôles</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/generic_panel.py" />
      <source>Run</source>
      <translation>Lancer</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Run scenario</source>
      <translation>Lancer le scénario</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Run the scenario in a new BrightEarth project</source>
      <translation>Lancer le scénario dans un nouveau projet BrightEarth</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Run the scenario in one of your BrightEarth projects</source>
      <translation>Lancer le scénario dans un de vos projets BrightEarth</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Running</source>
      <translation>En cours</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>SEPAL</source>
      <translation>SEPAL</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>SEPAL account</source>
      <translation>Compte SEPAL</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/auth.py" />
      <source>SEPAL has no Google account connected for this user: connect one in SEPAL (user ▸ Google account), then sign in again.</source>
      <translation>SEPAL n'a pas de compte Google relié pour cet utilisateur : reliez-en un dans SEPAL (utilisateur ▸ compte Google), puis reconnectez-vous.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/auth.py" />
      <source>SEPAL sign-in failed: wrong username or password.</source>
      <translation>Échec de la connexion à SEPAL : nom d'utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>STAC API</source>
      <translation>API STAC</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>STAC asset download</source>
      <translation>Téléchargement de ressources STAC</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>STAC item search</source>
      <translation>Recherche d’éléments STAC</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac.py" />
      <source>STAC search</source>
      <translation>Recherche STAC</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>Same credentials, API host only</source>
      <translation>Mêmes identifiants, hôte de l’API seulement</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Satellite's direction over the area</source>
      <translation>Sens de passage du satellite au-dessus de la zone</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Save</source>
      <translation>Enregistrer</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>Saved connections</source>
      <translation>Connexions enregistrées</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>Saved sign-ins cannot be used in this session: the QGIS authentication database stays locked. Sign in again to use this connection until QGIS closes.</source>
      <translation>Les connexions enregistrées ne peuvent pas servir dans cette session : la base d’authentification de QGIS reste verrouillée. Identifiez-vous à nouveau pour utiliser cette connexion jusqu’à la fermeture de QGIS.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Scale (metres per pixel)</source>
      <translation>Échelle (mètres par pixel)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Scenario</source>
      <translation>Scénario</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Scenario name</source>
      <translation>Nom du scénario</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Scenario type</source>
      <translation>Type de scénario</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>Scenario {id} started</source>
      <translation>Scénario {id} lancé</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Scenario {name} failed: {reason}</source>
      <translation>Le scénario {name} a échoué : {reason}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Scenario {name} finished: {message}</source>
      <translation>Scénario {name} terminé : {message}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Scenario {name} started: follow it in the Jobs tab.</source>
      <translation>Scénario {name} lancé : suivez-le dans l’onglet Tâches.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Scenario {name}: {message}</source>
      <translation>Scénario {name} : {message}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>Search</source>
      <translation>Rechercher</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>Search ids: e.g. SRTM, COPERNICUS S2</source>
      <translation>Chercher dans les identifiants : par ex. SRTM, COPERNICUS S2</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Search in {collection}</source>
      <translation>Recherche dans {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/footprints.py" />
      <source>Search results</source>
      <translation>Résultats de recherche</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/generic_panel.py" />
      <source>Search the collection over the area of interest with these filters</source>
      <translation>Rechercher dans la collection sur la zone d'intérêt avec ces filtres</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Search the whole catalogue</source>
      <translation>Chercher dans tout le catalogue</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Search with the box around the area of interest instead of its outline</source>
      <translation>Rechercher avec le rectangle englobant la zone d'intérêt au lieu de son contour</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Searches a CADIP station's downlink sessions by platform, dates and session ids; writes the sessions as a layer whose features keep their files (channel, block number, size), ready for staging.</source>
      <translation>Recherche les sessions de réception d’une station CADIP par plateforme, dates et identifiants ; écrit les sessions dans une couche dont les entités gardent leurs fichiers (canal, numéro de bloc, taille), prêtes à rapatrier.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Searches a STAC collection over the area of interest (dates, ids, a CQL2-JSON filter, sort) and writes the items found as a footprints layer; feed it to the asset download to fetch their files.</source>
      <translation>Recherche dans une collection STAC sur la zone d’intérêt (dates, identifiants, filtre CQL2-JSON, tri) et écrit les éléments trouvés dans une couche d’emprises ; donnez-la au téléchargement de ressources pour récupérer leurs fichiers.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Searches a Terrascope collection over the area of interest with the given filters and writes the products found as a footprints layer whose fields are the product properties (id, title, date, cloud cover, tile, orbit, files). Feed it to “Terrascope download” to fetch their files.</source>
      <translation>Recherche dans une collection Terrascope sur la zone d'intérêt avec les filtres donnés et écrit les produits trouvés dans une couche d'emprises dont les champs sont les propriétés des produits (identifiant, titre, date, couverture nuageuse, tuile, orbite, fichiers). Passez-la à « Téléchargement Terrascope » pour récupérer leurs fichiers.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Searches the AUXIP auxiliary data by dates, product type, platform and a CQL2-JSON filter; writes the files found as a layer, ready for staging.</source>
      <translation>Recherche les données auxiliaires AUXIP par dates, type de produit, plateforme et filtre CQL2-JSON ; écrit les fichiers trouvés dans une couche, prêts à rapatrier.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>Searching the Earth Engine catalogue</source>
      <translation>Recherche dans le catalogue Earth Engine</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>Searching the public catalogue…</source>
      <translation>Recherche dans le catalogue public…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>Searching…</source>
      <translation>Recherche en cours…</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Select at least one item to download.</source>
      <translation>Sélectionnez au moins un élément à télécharger.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/workflow.py" />
      <source>Select at least one product to download.</source>
      <translation>Sélectionnez au moins un produit à télécharger.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Select the files to stage (a session's files, or AUXIP results).</source>
      <translation>Sélectionnez les fichiers à rapatrier (les fichiers d’une session, ou des résultats AUXIP).</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Selected features only</source>
      <translation>Entités sélectionnées seulement</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Send the area of interest and start the scenario</source>
      <translation>Envoyer la zone d'intérêt et lancer le scénario</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>Send the search itself (by reference): the server stages all it finds</source>
      <translation>Envoyer la recherche elle-même (par référence) : le serveur rapatrie tout ce qu’il trouve</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>Sending the area of interest</source>
      <translation>Envoi de la zone d'intérêt</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Sending the staging request</source>
      <translation>Envoi de la demande de rapatriement</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Sends the chosen CADIP/AUXIP files (the features of a session or AUXIP search layer, or a search by reference) to RS-Server's staging process, one request per asset host, follows the staging jobs (accepted, running, successful, failed or dismissed) and writes the staged items found in your catalogue collection as a layer. It survives QGIS closing: follow it again from the Jobs list.</source>
      <translation>Envoie les fichiers CADIP/AUXIP choisis (les entités d’une couche de sessions ou de recherche AUXIP, ou une recherche par référence) au processus de rapatriement de RS-Server, une requête par hôte des ressources, suit les tâches de rapatriement (acceptée, en cours, réussie, échouée ou annulée) et écrit dans une couche les éléments rapatriés trouvés dans la collection de votre catalogue. Il survit à la fermeture de QGIS : suivez-le à nouveau depuis la liste des tâches.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Sends the polygons of the input layer (selected features if you tick the box) as the area of interest to BrightEarth On Demand, runs an extraction scenario (buildings, trees, roads, clutter, DTM), downloads the results and loads them as layers. Uses a connection saved in the EO Connector panel. Credits are consumed on your account.</source>
      <translation>Envoie les polygones de la couche en entrée (les entités sélectionnées si vous cochez la case) comme zone d'intérêt à BrightEarth On Demand, lance un scénario d'extraction (bâtiments, arbres, routes, sursol, MNT), télécharge les résultats et les charge comme couches. Utilise une connexion enregistrée dans le panneau EO Connector. Des crédits sont débités de votre compte.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Sent only to SEPAL's sign-in; never saved.</source>
      <translation>Envoyé uniquement à la connexion SEPAL ; jamais enregistré.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Sent only to the server's sign-in; never saved to disk.</source>
      <translation>Envoyé uniquement pour la connexion au serveur ; jamais enregistré sur le disque.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Server</source>
      <translation>Serveur</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Service-account key (*.json);;All files (*)</source>
      <translation>Clé de compte de service (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Service-account key file</source>
      <translation>Fichier de clé de compte de service</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/auth.py" />
      <source>Service-account keys need the Python package earthengine-api (with google-auth); install it from the Earth Engine panel.</source>
      <translation>Les clés de compte de service demandent le paquet Python earthengine-api (avec google-auth) : installez-le depuis le panneau Earth Engine.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>Session / file</source>
      <translation>Session / fichier</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Session cookie</source>
      <translation>Cookie de session</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Session cookie (OAuth2)</source>
      <translation>Cookie de session (OAuth2)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Session ids</source>
      <translation>Identifiants de session</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>Several separate parts.</source>
      <translation>Plusieurs parties séparées.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Several separate parts: BrightEarth needs one polygon (select one feature).</source>
      <translation>Plusieurs parties séparées : BrightEarth a besoin d'un seul polygone (sélectionnez une seule entité).</translation>
    </message>
    <message>
      <location filename="eo_connector/plugin.py" />
      <source>Show jobs</source>
      <translation>Afficher les tâches</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/expressions.py" />
      <source>Show one band (with a palette) or three bands (red, green, blue), not {count}.</source>
      <translation>Affichez une bande (avec une palette) ou trois bandes (rouge, vert, bleu), pas {count}.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Sign in</source>
      <translation>Se connecter</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Sign in and save</source>
      <translation>Se connecter et enregistrer</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>Sign in first (connection section): downloads need your Terrascope account.</source>
      <translation>Connectez-vous d'abord (section Connexion) : les téléchargements nécessitent votre compte Terrascope.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Sign in first: enter your password in the connection section.</source>
      <translation>Connectez-vous d'abord : saisissez votre mot de passe dans la section Connexion.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>Sign in on the platform's page in your web browser</source>
      <translation>Se connecter sur la page de la plateforme dans votre navigateur web</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/client.py" />
      <source>Sign in to BrightEarth again: your session has expired.</source>
      <translation>Reconnectez-vous à BrightEarth : votre session a expiré.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Sign in with</source>
      <translation>Se connecter avec</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>Sign in with the browser</source>
      <translation>Se connecter avec le navigateur</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Sign in with the browser and save</source>
      <translation>Se connecter avec le navigateur et enregistrer</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Sign in with the browser.</source>
      <translation>Connectez-vous avec le navigateur.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>Sign in with this password</source>
      <translation>S’identifier avec ce mot de passe</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/live_layers.py" />
      <source>Sign in…</source>
      <translation>Se connecter…</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>Sign-in failed: wrong e-mail or password.</source>
      <translation>Échec de la connexion : adresse e-mail ou mot de passe incorrect.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/loopback.py" />
      <source>Sign-in in the browser could not start its local listener.</source>
      <translation>La connexion dans le navigateur n'a pas pu démarrer son serveur d'écoute local.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/loopback.py" />
      <source>Sign-in in the browser needs the local port {port}, which another program is using. Close that program or sign in with your username and password.</source>
      <translation>La connexion dans le navigateur nécessite le port local {port}, déjà utilisé par un autre programme. Fermez ce programme ou connectez-vous avec votre nom d'utilisateur et votre mot de passe.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connection_dialog.py" />
      <source>Sign-in stopped.</source>
      <translation>Connexion interrompue.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Signed in</source>
      <translation>Connecté</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Signed in as {email}</source>
      <translation>Connecté en tant que {email}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Signed in as {email} — {credits} credits</source>
      <translation>Connecté en tant que {email} — {credits} crédits</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Signed in as {username}</source>
      <translation>Connecté en tant que {username}</translation>
    </message>
    <message>
      <location filename="eo_connector/core/platform.py" />
      <source>Signed in as {user}</source>
      <translation>Connecté en tant que {user}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Signed in as {user} — owner {owner}</source>
      <translation>Connecté en tant que {user} — propriétaire {owner}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Signed in as {user}; Cloud project {project}.</source>
      <translation>Connecté en tant que {user} ; projet Cloud {project}.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>Signed in as {user}; press Test to check the connection.</source>
      <translation>Connecté en tant que {user} ; appuyez sur Tester pour vérifier la connexion.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/loopback.py" />
      <source>Signed in to {service}. You can close this tab and go back to QGIS.</source>
      <translation>Connecté à {service}. Vous pouvez fermer cet onglet et revenir à QGIS.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Signed in; Cloud project {project}.</source>
      <translation>Connecté ; projet Cloud {project}.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>Signed in; press Test to check the connection.</source>
      <translation>Connecté ; appuyez sur Tester pour vérifier la connexion.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/auth.py" />
      <source>Signing in to Google Earth Engine needs the Python package earthengine-api; install it from the Earth Engine panel.</source>
      <translation>La connexion à Google Earth Engine demande le paquet Python earthengine-api : installez-le depuis le panneau Earth Engine.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connection_dialog.py" />
      <source>Signing in to {name}</source>
      <translation>Connexion à {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>Signing in to {name} in the browser</source>
      <translation>Connexion à {name} dans le navigateur</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connection_dialog.py" />
      <source>Signing in to {url}…</source>
      <translation>Connexion à {url}…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_model.py" />
      <source>Size of the data files</source>
      <translation>Taille des fichiers de données</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/assets.py" />
      <source>Size: {size}</source>
      <translation>Taille : {size}</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>Some of the values entered are not valid.</source>
      <translation>Certaines valeurs saisies ne sont pas valides.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>Something went wrong.</source>
      <translation>Une erreur s'est produite.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>Sort by</source>
      <translation>Trier par</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>Source CRS: {crs}</source>
      <translation>SCR source : {crs}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>Stage the whole search</source>
      <translation>Rapatrier toute la recherche</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>Stage ticked files</source>
      <translation>Rapatrier les fichiers cochés</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>Staged items</source>
      <translation>Éléments rapatriés</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Staging a search into {collection}</source>
      <translation>Rapatriement d’une recherche vers {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>Staging reference</source>
      <translation>Référence de rapatriement</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Staging {count} files into {collection}</source>
      <translation>Rapatriement de {count} fichiers vers {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Staging: {states}</source>
      <translation>Rapatriement : {states}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>Start date</source>
      <translation>Date de début</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/jobs.py" />
      <source>Starting</source>
      <translation>Démarrage</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>Starting the scenario</source>
      <translation>Lancement du scénario</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>State</source>
      <translation>État</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Station</source>
      <translation>Station</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>Stations</source>
      <translation>Stations</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>Stop</source>
      <translation>Arrêter</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Stop the search; the products already listed stay</source>
      <translation>Arrêter la recherche ; les produits déjà listés restent</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Stop the search; the results already listed stay</source>
      <translation>Arrêter la recherche ; les résultats déjà listés restent</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>Stop the selected job</source>
      <translation>Arrêter la tâche sélectionnée</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>Stopped: {shown} of {total} items shown.</source>
      <translation>Arrêtée : {shown} éléments affichés sur {total}.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>Stopped: {shown} of {total} products shown.</source>
      <translation>Arrêté : {shown} produits affichés sur {total}.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/generic_panel.py" />
      <source>Stopped: {shown} results shown.</source>
      <translation>Arrêté : {shown} résultats affichés.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>Stopped: {shown} shown.</source>
      <translation>Arrêtée : {shown} affichés.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/assets.py" />
      <source>Table</source>
      <translation>Table</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>Table or feature collection</source>
      <translation>Table ou collection d'entités</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Task (operation name)</source>
      <translation>Tâche (nom de l'opération)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>Task name</source>
      <translation>Nom de la tâche</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Terrascope</source>
      <translation>Terrascope</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Terrascope download</source>
      <translation>Téléchargement Terrascope</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Terrascope download: {name}</source>
      <translation>Téléchargement Terrascope : {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Terrascope product search</source>
      <translation>Recherche de produits Terrascope</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>Terrascope search in {collection}</source>
      <translation>Recherche Terrascope dans {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Terrascope search: {name}</source>
      <translation>Recherche Terrascope : {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/oidc.py" />
      <source>Terrascope sign-in failed: wrong username or password.</source>
      <translation>Échec de la connexion à Terrascope : nom d'utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>Test the connection (renew the session and read your account)</source>
      <translation>Tester la connexion (renouveler la session et lire votre compte)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>That may be more than your {credits} credits.</source>
      <translation>C’est peut-être plus que vos {credits} crédits.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/session.py" />
      <source>The API-key check answered something that is not JSON: is the check URL right?</source>
      <translation>La vérification de la clé a répondu autre chose que du JSON : l’URL de vérification est-elle juste ?</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/session.py" />
      <source>The API-key check answered without a user login: is the check URL right?</source>
      <translation>La vérification de la clé a répondu sans identifiant d’utilisateur : l’URL de vérification est-elle juste ?</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/session.py" />
      <source>The API-key check service ({url}) does not answer: try again later, or ask the RS-Server administrators.</source>
      <translation>Le service de vérification des clés ({url}) ne répond pas : réessayez plus tard, ou demandez aux administrateurs de RS-Server.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/session.py" />
      <source>The API-key check service ({url}) is failing: try again later.</source>
      <translation>Le service de vérification des clés ({url}) est en panne : réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>The BrightEarth server is processing the scenario</source>
      <translation>Le serveur BrightEarth traite le scénario</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>The CQL2-JSON filter is not valid JSON: {error}</source>
      <translation>Le filtre CQL2-JSON n’est pas du JSON valide : {error}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>The Earth Engine task failed: {message}</source>
      <translation>La tâche Earth Engine a échoué : {message}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>The Earth Engine task is cancelled on the server too; what it already wrote stays where it is.</source>
      <translation>La tâche Earth Engine est aussi annulée sur le serveur ; ce qu'elle a déjà écrit reste en place.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>The Earth Engine task was cancelled.</source>
      <translation>La tâche Earth Engine a été annulée.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>The GeoJSON is in {crs}; EO Connector needs longitude/latitude (EPSG:4326).</source>
      <translation>Le GeoJSON est en {crs} ; EO Connector a besoin de longitude/latitude (EPSG:4326).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>The Google Cloud project registered for Earth Engine that your requests use (checked when you sign in).</source>
      <translation>Le projet Google Cloud enregistré pour Earth Engine qu'utilisent vos requêtes (vérifié à la connexion).</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/dependencies.py" />
      <source>The Python of QGIS has no pip, so {names} cannot be installed from here: install them with the QGIS installer or your system's package manager.</source>
      <translation>Le Python de QGIS n'a pas pip, l'installation de {names} est impossible d'ici : utilisez l'installateur de QGIS ou le gestionnaire de paquets de votre système.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/dependencies.py" />
      <source>The Python of QGIS is managed by your Linux distribution, so {names} cannot be installed with pip: install them with its package manager (on Debian and Ubuntu: apt install python3-&lt;name&gt;).</source>
      <translation>Le Python de QGIS est géré par votre distribution Linux, l'installation de {names} par pip est impossible : utilisez son gestionnaire de paquets (sur Debian et Ubuntu : apt install python3-&lt;nom&gt;).</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/dependencies.py" />
      <source>The Python of QGIS was not found, so {names} cannot be installed from here: install them with the QGIS installer or your system's package manager.</source>
      <translation>Le Python de QGIS est introuvable, l'installation de {names} est impossible d'ici : utilisez l'installateur de QGIS ou le gestionnaire de paquets de votre système.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/dependencies.py" />
      <source>The Python package index could not be reached to install {names}: check the network connection (and the proxy, if you use one), then try again.</source>
      <translation>L'index des paquets Python est injoignable, l'installation de {names} a échoué : vérifiez la connexion réseau (et le proxy, si vous en utilisez un), puis réessayez.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/qgis_auth.py" />
      <source>The QGIS authentication database is locked: enter its master password to use saved credentials.</source>
      <translation>La base de données d'authentification de QGIS est verrouillée : saisissez son mot de passe principal pour utiliser les identifiants enregistrés.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/session.py" />
      <source>The RS-Server API key was refused by the check service: it is wrong, revoked or expired. Create a new key and edit the connection.</source>
      <translation>Le service de vérification a refusé la clé d’API RS-Server : elle est fausse, révoquée ou expirée. Créez une nouvelle clé et modifiez la connexion.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/session.py" />
      <source>The RS-Server session cookie was refused: it has expired or was signed out. Sign in to RS-Server in the browser again and paste the new session cookie.</source>
      <translation>Le cookie de session RS-Server a été refusé : il a expiré ou la session a été fermée. Reconnectez-vous à RS-Server dans le navigateur et collez le nouveau cookie de session.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>The STAC API refused access with these credentials.</source>
      <translation>L’API STAC a refusé l’accès avec ces identifiants.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>The STAC API refused the credentials of this connection: check its key or token.</source>
      <translation>L’API STAC a refusé les identifiants de cette connexion : vérifiez sa clé ou son jeton.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/oidc.py" />
      <source>The Terrascope sign-in was refused: {reason}</source>
      <translation>La connexion à Terrascope a été refusée : {reason}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>The UAC endpoint that tells the key's user and roles.</source>
      <translation>Le point UAC qui donne l’utilisateur et les rôles de la clé.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>The WKT is in EPSG:{srid}; EO Connector needs longitude/latitude (EPSG:4326).</source>
      <translation>Le WKT est en EPSG:{srid} ; EO Connector a besoin de longitude/latitude (EPSG:4326).</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/previews.py" />
      <source>The WMS preview could not be opened: the server did not answer as a WMS.</source>
      <translation>Impossible d'ouvrir l'aperçu WMS : le serveur n'a pas répondu comme un service WMS.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/previews.py" />
      <source>The WMS preview link is not a web address.</source>
      <translation>Le lien de l'aperçu WMS n'est pas une adresse web.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/previews.py" />
      <source>The WMS preview link names no layer.</source>
      <translation>Le lien de l'aperçu WMS n'indique aucune couche.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/loopback.py" />
      <source>The answer from the browser does not belong to this sign-in (state mismatch); sign in again.</source>
      <translation>La réponse du navigateur ne correspond pas à cette connexion (paramètre state différent) ; reconnectez-vous.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/safe_paths.py" />
      <source>The archive {archive} declares sizes that cannot be right; it was not extracted.</source>
      <translation>L'archive {archive} déclare des tailles impossibles ; elle n'a pas été extraite.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/safe_paths.py" />
      <source>The archive {archive} is damaged and cannot be extracted.</source>
      <translation>L'archive {archive} est endommagée et ne peut pas être extraite.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/safe_paths.py" />
      <source>The archive {archive} is damaged and cannot be opened.</source>
      <translation>L'archive {archive} est endommagée et ne peut pas être ouverte.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>The area crosses the antimeridian (180° longitude) and was split in two; this platform needs one polygon: choose an area on one side of 180°.</source>
      <translation>La zone traverse l'antiméridien (180° de longitude) et a été coupée en deux ; cette plateforme a besoin d'un seul polygone : choisissez une zone d'un seul côté du 180°.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>The area has {count} separate parts; this platform needs one polygon: select one feature or merge them into one.</source>
      <translation>La zone comporte {count} parties séparées ; cette plateforme a besoin d'un seul polygone : sélectionnez une seule entité ou fusionnez-les.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>The area of interest ({area} km²)</source>
      <translation>La zone d'intérêt ({area} km²)</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>The area of interest cannot be shown in {crs}.</source>
      <translation>La zone d'intérêt ne peut pas être affichée en {crs}.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>The area of interest cannot be used.</source>
      <translation>La zone d'intérêt ne peut pas être utilisée.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>The area of interest could not be read: {reason}</source>
      <translation>Impossible de lire la zone d'intérêt : {reason}</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>The area of interest has invalid coordinates (not a number or infinite).</source>
      <translation>La zone d'intérêt a des coordonnées invalides (non numériques ou infinies).</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>The area of interest has no surface: its area is zero.</source>
      <translation>La zone d'intérêt n'a pas de surface : sa superficie est nulle.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>The area of interest is empty: there is no geometry to use.</source>
      <translation>La zone d'intérêt est vide : il n'y a aucune géométrie à utiliser.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/platform.py" />
      <source>The area of interest is {area} km²; {platform} accepts at most {limit} km². Choose a smaller area.</source>
      <translation>La zone d'intérêt fait {area} km² ; {platform} accepte au plus {limit} km². Choisissez une zone plus petite.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>The area of interest must be a non-empty polygon.</source>
      <translation>La zone d'intérêt doit être un polygone non vide.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>The area of interest needs polygons; layer '{name}' has {kind}.</source>
      <translation>La zone d'intérêt doit être composée de polygones ; géométrie de la couche « {name} » : {kind}.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>The area of interest needs polygons; the geometry given has {kind}.</source>
      <translation>La zone d'intérêt doit être composée de polygones ; géométrie fournie : {kind}.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>The box ({xmin}, {ymin}, {xmax}, {ymax}) is not in longitude/latitude degrees: the coordinate reference system is probably wrong.</source>
      <translation>Le rectangle ({xmin}, {ymin}, {xmax}, {ymax}) n'est pas en degrés de longitude/latitude : le SCR est probablement incorrect.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>The box has missing or non-numeric coordinates.</source>
      <translation>Le rectangle a des coordonnées manquantes ou non numériques.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>The box is empty: its south edge must be below its north edge.</source>
      <translation>Le rectangle est vide : son bord sud doit être au-dessous de son bord nord.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>The box is empty: its west and east edges are the same.</source>
      <translation>Le rectangle est vide : ses bords ouest et est sont identiques.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/config.py" />
      <source>The catalogue configuration file {file} cannot be read.</source>
      <translation>Impossible de lire le fichier de configuration du catalogue {file}.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/config.py" />
      <source>The catalogue configuration file {file} does not exist.</source>
      <translation>Le fichier de configuration du catalogue {file} n'existe pas.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/config.py" />
      <source>The catalogue configuration file {file} is not a valid .ini file: {problem}</source>
      <translation>Le fichier de configuration du catalogue {file} n'est pas un fichier .ini valide : {problem}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/client.py" />
      <source>The catalogue refused the search.</source>
      <translation>Le catalogue a refusé la recherche.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>The catalogue's product type, e.g. S2MSI2A (empty: any)</source>
      <translation>Le type de produit du catalogue, p. ex. S2MSI2A (vide : tous)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/client.py" />
      <source>The chosen files have no assets to stage.</source>
      <translation>Les fichiers choisis n’ont rien à rapatrier.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/search_filters.py" />
      <source>The cloud cover range is out of order: {low} % is above {high} %.</source>
      <translation>La plage de couverture nuageuse est inversée : {low} % est supérieur à {high} %.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/publishing.py" />
      <source>The collection id “{id}” may only have letters, digits, '_', '-' and '.'.</source>
      <translation>L’identifiant de collection « {id} » ne peut contenir que lettres, chiffres, '_', '-' et '.'.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/publishing.py" />
      <source>The collection needs an id.</source>
      <translation>La collection a besoin d’un identifiant.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>The collection of your catalogue that receives the files.</source>
      <translation>La collection de votre catalogue qui reçoit les fichiers.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>The collection of your catalogue that receives the staged files</source>
      <translation>La collection de votre catalogue qui reçoit les fichiers rapatriés</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>The collection to search: pick one, or type its id</source>
      <translation>La collection où chercher : choisissez-en une, ou tapez son identifiant</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/publishing.py" />
      <source>The collection's extent needs a bounding box of four numbers.</source>
      <translation>L’étendue de la collection demande une emprise de quatre nombres.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>The collection's own filters could not be read ({error}); the usual ones are offered.</source>
      <translation>Les filtres propres à la collection n’ont pas pu être lus ({error}) ; les filtres habituels sont proposés.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>The collections with their extents and dates</source>
      <translation>Les collections avec leurs étendues et leurs dates</translation>
    </message>
    <message>
      <location filename="eo_connector/core/download_request.py" />
      <source>The connection kept dropping while downloading {name}; run the download again to resume it.</source>
      <translation>La connexion n'a cessé de se couper pendant le téléchargement de {name} ; relancez le téléchargement pour le reprendre.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/jobs.py" />
      <source>The connection of this job was removed: add it again to follow the job.</source>
      <translation>La connexion de cette tâche a été supprimée : ajoutez-la de nouveau pour suivre la tâche.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/http.py" />
      <source>The connection to the server kept dropping; try again later.</source>
      <translation>La connexion au serveur n'a cessé de se couper ; réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/qgis_auth.py" />
      <source>The credentials could not be saved in the QGIS authentication database.</source>
      <translation>Impossible d'enregistrer les identifiants dans la base de données d'authentification de QGIS.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/safe_paths.py" />
      <source>The disk is full while writing {name}: free some space or choose another output folder, then resume.</source>
      <translation>Le disque est plein lors de l'écriture de {name} : libérez de l'espace ou choisissez un autre dossier de sortie, puis reprenez.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>The disk is full: free some space or choose another output folder, then resume.</source>
      <translation>Le disque est plein : libérez de l'espace ou choisissez un autre dossier de sortie, puis reprenez.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>The download link has expired.</source>
      <translation>Le lien de téléchargement a expiré.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/download_request.py" />
      <source>The download link of {name} has expired or was refused; search again to get fresh links, then resume the download.</source>
      <translation>Le lien de téléchargement de {name} a expiré ou a été refusé ; relancez la recherche pour obtenir de nouveaux liens, puis reprenez le téléchargement.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>The download stops; the files already downloaded are kept and Follow again resumes the others where they stopped.</source>
      <translation>Le téléchargement s'arrête ; les fichiers déjà téléchargés sont conservés et Reprendre le suivi reprend les autres là où ils se sont arrêtés.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>The download stops; the tiles already fetched are kept and Follow again fetches the others. No GeoTIFF is made until all of them are there.</source>
      <translation>Le téléchargement s'arrête ; les tuiles déjà reçues sont gardées et Reprendre télécharge les autres. Aucun GeoTIFF n'est créé tant qu'elles ne sont pas toutes là.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/download.py" />
      <source>The downloaded file {name} does not match its expected size or checksum; it was discarded.</source>
      <translation>Le fichier téléchargé {name} ne correspond pas à la taille ou à la somme de contrôle attendue ; il a été supprimé.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/expressions.py" />
      <source>The expression could not be built: {error}</source>
      <translation>L'expression n'a pas pu être construite : {error}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/expressions.py" />
      <source>The expression is not valid JSON.</source>
      <translation>L'expression n'est pas du JSON valide.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/expressions.py" />
      <source>The expression must give an Earth Engine object (e.g. an ee.Image).</source>
      <translation>L'expression doit donner un objet Earth Engine (par ex. une ee.Image).</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/download_dialog.py" />
      <source>The files do not fit: {needed} needed but only {free} free in {folder}. Free some space or choose another folder.</source>
      <translation>Les fichiers ne tiennent pas : {needed} nécessaires mais seulement {free} disponibles dans {folder}. Libérez de l'espace ou choisissez un autre dossier.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/download.py" />
      <source>The files of {product} are not offered for download over the web ({href}); search again without accessedFrom, or with accessedFrom=HTTP.</source>
      <translation>Les fichiers de {product} ne sont pas proposés au téléchargement par le web ({href}) ; relancez la recherche sans accessedFrom, ou avec accessedFrom=HTTP.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/download_dialog.py" />
      <source>The folder {folder} cannot be used: {reason}</source>
      <translation>Le dossier {folder} ne peut pas être utilisé : {reason}</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>The geometries of {where} could not be converted to longitude/latitude.</source>
      <translation>Impossible de convertir en longitude/latitude les géométries de {where}.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/help.py" />
      <source>The guide (README.md) is not installed with the plugin; read it online.</source>
      <translation>Le guide (README.md) n’est pas installé avec l’extension ; lisez-le en ligne.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/platform.py" />
      <source>The job stops; what it already wrote is kept and it can be followed again later.</source>
      <translation>La tâche s'arrête ; ce qu'elle a déjà écrit est conservé et elle pourra être reprise plus tard.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>The job {job} is running with it and is cancelled now.</source>
      <translation>La tâche {job} tourne avec elle et est annulée maintenant.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>The job {name} is still running: cancel it and remove it from the list?</source>
      <translation>La tâche {name} est toujours en cours : l'annuler et la retirer de la liste ?</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>The key or token of {name} is not saved on this computer: edit the connection and enter it again.</source>
      <translation>La clé ou le jeton de {name} n’est pas enregistré sur cet ordinateur : modifiez la connexion et saisissez-le à nouveau.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>The kind of extraction: mono extraction reads one image</source>
      <translation>Le type d’extraction : l’extraction mono lit une seule image</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/publishing.py" />
      <source>The layer has no features to publish.</source>
      <translation>La couche n’a aucune entité à publier.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/footprints_file.py" />
      <source>The layer of the search results could not be created in {folder}.</source>
      <translation>La couche des résultats de recherche n’a pas pu être créée dans {folder}.</translation>
    </message>
    <message>
      <location filename="eo_connector/processing/algorithms.py" />
      <source>The layer of “{label}” cannot be read.</source>
      <translation>La couche de « {label} » ne peut pas être lue.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>The layer selected in the Layers panel: its selected features, else all of them</source>
      <translation>La couche sélectionnée dans le panneau Couches : ses entités sélectionnées, sinon toutes</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/live_layers.py" />
      <source>The layer {name} comes from a connection that is no longer saved: add the connection again to see it.</source>
      <translation>La couche {name} vient d'une connexion qui n'est plus enregistrée : ajoutez de nouveau la connexion pour la voir.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/publish_layer.py" />
      <source>The layer {name} has no coordinate reference system: set one first.</source>
      <translation>La couche {name} n’a pas de système de coordonnées : définissez-en un d’abord.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/publish_layer.py" />
      <source>The layer {name} has no field {field}.</source>
      <translation>La couche {name} n’a pas de champ {field}.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/live_layers.py" />
      <source>The layer {name} needs you to sign in again: {reason}</source>
      <translation>La couche {name} demande de vous reconnecter : {reason}</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>The map extent is empty.</source>
      <translation>L'emprise de la carte est vide.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>The map extent is outside the world's longitude/latitude range.</source>
      <translation>L'emprise de la carte est hors des limites de longitude/latitude du globe.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>The map extent reaches beyond what its projection can show in longitude/latitude: zoom in and try again.</source>
      <translation>L'emprise de la carte dépasse ce que sa projection peut représenter en longitude/latitude : zoomez puis réessayez.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>The map has no coordinate reference system: set one in Project Properties.</source>
      <translation>La carte n'a pas de SCR : définissez-en un dans les propriétés du projet.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/live_layers.py" />
      <source>The map of layer {name} could not be renewed: {reason}</source>
      <translation>La carte de la couche {name} n'a pas pu être renouvelée : {reason}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/expressions.py" />
      <source>The minimum of the stretch must be below its maximum.</source>
      <translation>Le minimum de l'étirement doit être sous son maximum.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>The minimum, maximum and gamma must be numbers.</source>
      <translation>Le minimum, le maximum et le gamma doivent être des nombres.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/options.py" />
      <source>The output CRS must be EPSG:3857 or EPSG:4326.</source>
      <translation>Le SCR de sortie doit être EPSG:3857 ou EPSG:4326.</translation>
    </message>
    <message>
      <location filename="eo_connector/processing/algorithms.py" />
      <source>The output layer cannot be written.</source>
      <translation>La couche de sortie ne peut pas être écrite.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/session.py" />
      <source>The owner id is empty or only has special characters: give one made of letters and digits.</source>
      <translation>L’identifiant du propriétaire est vide ou n’a que des caractères spéciaux : donnez-en un fait de lettres et de chiffres.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>The owner of your catalogue collections (letters and digits).</source>
      <translation>Le propriétaire des collections de votre catalogue (lettres et chiffres).</translation>
    </message>
    <message>
      <location filename="eo_connector/plugin.py" />
      <source>The panel could not be opened: {reason}. Details are in the log (View ▸ Panels ▸ Log Messages).</source>
      <translation>Le panneau n’a pas pu s’ouvrir : {reason}. Les détails sont dans le journal (Vue ▸ Panneaux ▸ Journal des messages).</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/search_filters.py" />
      <source>The parameter {key} is given twice; set it once (the form or the extra parameters).</source>
      <translation>Le paramètre {key} est donné deux fois ; définissez-le une seule fois (dans le formulaire ou dans les autres paramètres).</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>The password of this account: sent to its sign-in only, never saved</source>
      <translation>Le mot de passe de ce compte : envoyé seulement à son identification, jamais enregistré</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>The polygon layer to read the area from</source>
      <translation>La couche de polygones d’où lire la zone</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>The polygons of the layer chosen below (its selected features, else all of them)</source>
      <translation>Les polygones de la couche choisie ci-dessous (ses entités sélectionnées, sinon toutes)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/auth.py" />
      <source>The private key in this service-account key file cannot be read: choose the key file again.</source>
      <translation>La clé privée de ce fichier de compte de service est illisible : choisissez de nouveau le fichier de clé.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/previews.py" />
      <source>The quicklook image could not be read.</source>
      <translation>Impossible de lire l'imagette.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/previews.py" />
      <source>The quicklook is too large to show.</source>
      <translation>L'imagette est trop grande pour être affichée.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>The rectangle the map shows now</source>
      <translation>Le rectangle que la carte montre maintenant</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>The results are already downloaded: nothing is lost.</source>
      <translation>Les résultats sont déjà téléchargés : rien n'est perdu.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>The results are downloaded into a new folder in this one</source>
      <translation>Les résultats sont téléchargés dans un nouveau dossier à l’intérieur de celui-ci</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/dock.py" />
      <source>The results of the last search</source>
      <translation>Les résultats de la dernière recherche</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/qgis_auth.py" />
      <source>The saved credentials could not be read from the QGIS authentication database.</source>
      <translation>Impossible de lire les identifiants enregistrés dans la base de données d'authentification de QGIS.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/pixels.py" />
      <source>The scale must be a positive number of metres per pixel.</source>
      <translation>L'échelle doit être un nombre positif de mètres par pixel.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>The scenario failed on the BrightEarth server</source>
      <translation>Le scénario a échoué sur le serveur BrightEarth</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>The scenario failed on the BrightEarth server: {details}</source>
      <translation>Le scénario a échoué sur le serveur BrightEarth : {details}</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>The scenario failed on the server.</source>
      <translation>Le scénario a échoué sur le serveur.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>The scenario finished but the server lists no result files.</source>
      <translation>Le scénario est terminé mais le serveur n'indique aucun fichier de résultats.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>The scenario keeps running on the BrightEarth server and its credits are spent. Only the follow-up and the download stop here; Follow again picks them up without paying again.</source>
      <translation>Le scénario continue sur le serveur BrightEarth et ses crédits sont dépensés. Seuls le suivi et le téléchargement s'arrêtent ici ; Reprendre le suivi les relance sans payer de nouveau.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>The scenario's name: also the name of the layer group of its results</source>
      <translation>Le nom du scénario : aussi celui du groupe de couches de ses résultats</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/client.py" />
      <source>The search filter {name} cannot be {value}: {expected}</source>
      <translation>Le filtre de recherche {name} ne peut pas valoir {value} : {expected}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>The selected items have no assets of the chosen kinds.</source>
      <translation>Les éléments sélectionnés n’ont pas de ressources des sortes choisies.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/workflow.py" />
      <source>The selected products have no files of the chosen kinds.</source>
      <translation>Les produits sélectionnés n'ont aucun fichier des types choisis.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>The selected results have no files to stage.</source>
      <translation>Les résultats sélectionnés n’ont aucun fichier à rapatrier.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/connections.py" />
      <source>The server address must start with https://</source>
      <translation>L'adresse du serveur doit commencer par https://</translation>
    </message>
    <message>
      <location filename="eo_connector/core/download.py" />
      <source>The server announces a different size for {name} than the catalogue; it was not downloaded.</source>
      <translation>Le serveur annonce pour {name} une taille différente de celle du catalogue ; le fichier n'a pas été téléchargé.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/download_request.py" />
      <source>The server answered the download of {name} in a way EO Connector does not understand.</source>
      <translation>Le serveur a répondu au téléchargement de {name} d'une façon qu'EO Connector ne comprend pas.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/download_request.py" />
      <source>The server cannot resume the download of {name}; try again later.</source>
      <translation>Le serveur ne peut pas reprendre le téléchargement de {name} ; réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>The server could not be reached: check your network connection and proxy settings.</source>
      <translation>Impossible de joindre le serveur : vérifiez votre connexion réseau et vos paramètres de proxy.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/http.py" />
      <source>The server did not answer in time; try again later.</source>
      <translation>Le serveur n'a pas répondu à temps ; réessayez plus tard.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>The server does not know this object any more.</source>
      <translation>Le serveur ne connaît plus cet objet.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/polling.py" />
      <source>The server has not finished after {duration}; the job may still be running: follow it again later.</source>
      <translation>Le serveur n'a pas terminé après {duration} ; la tâche est peut-être toujours en cours : reprenez son suivi plus tard.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/polling.py" />
      <source>The server has not finished in time; the job may still be running: follow it again later.</source>
      <translation>Le serveur n'a pas terminé à temps ; la tâche est peut-être toujours en cours : reprenez son suivi plus tard.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>The server is busy (too many requests); try again in a few minutes.</source>
      <translation>Le serveur est surchargé (trop de requêtes) ; réessayez dans quelques minutes.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>The server is having trouble right now; try again in a few minutes.</source>
      <translation>Le serveur rencontre des difficultés en ce moment ; réessayez dans quelques minutes.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/download_request.py" />
      <source>The server refused {name}: your session has expired, sign in again.</source>
      <translation>Le serveur a refusé {name} : votre session a expiré, reconnectez-vous.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/session.py" />
      <source>The server said: {explanation}</source>
      <translation>Le serveur a dit : {explanation}</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>The server sent a file name that would be written outside the output folder; it was refused.</source>
      <translation>Le serveur a envoyé un nom de fichier qui serait écrit hors du dossier de sortie ; il a été refusé.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>The server sent an answer EO Connector does not understand.</source>
      <translation>Le serveur a envoyé une réponse qu'EO Connector ne comprend pas.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/url_tree.py" />
      <source>The server sent an unexpected list of result files.</source>
      <translation>Le serveur a envoyé une liste inattendue de fichiers de résultats.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/safe_paths.py" />
      <source>The server sent an unsafe file name ({name}); nothing was written outside the output folder.</source>
      <translation>Le serveur a envoyé un nom de fichier dangereux ({name}) ; rien n'a été écrit hors du dossier de sortie.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/loopback.py" />
      <source>The sign-in in the browser was not completed in time; try again.</source>
      <translation>La connexion dans le navigateur n'a pas été terminée à temps ; réessayez.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/download_dialog.py" />
      <source>The size of {count} of them is not known in advance.</source>
      <translation>La taille de {count} d'entre eux n'est pas connue à l'avance.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>The staging job {id} failed on RS-Server: {message}</source>
      <translation>La tâche de rapatriement {id} a échoué sur RS-Server : {message}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>The staging job {id} was dismissed on RS-Server (cancelled there): nothing more will be staged.</source>
      <translation>La tâche de rapatriement {id} a été annulée sur RS-Server : rien de plus ne sera rapatrié.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>The staging jobs are dismissed on RS-Server (DELETE /jobs); files already staged stay in your catalogue.</source>
      <translation>Les tâches de rapatriement sont annulées sur RS-Server (DELETE /jobs) ; les fichiers déjà rapatriés restent dans votre catalogue.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>The staging jobs succeeded but the staged items are not in collection {collection} of your catalogue.</source>
      <translation>Les tâches de rapatriement ont réussi mais les éléments rapatriés ne sont pas dans la collection {collection} de votre catalogue.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/client.py" />
      <source>The staging service answered without a job id and status.</source>
      <translation>Le service de rapatriement a répondu sans identifiant ni état de tâche.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/client.py" />
      <source>The staging service did not answer in JSON.</source>
      <translation>Le service de rapatriement n’a pas répondu en JSON.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>The start date is after the end date: swap them.</source>
      <translation>La date de début est après la date de fin : inversez-les.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>The table has no features.</source>
      <translation>La table n'a aucune entité.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>The text is not valid GeoJSON (expected a geometry, a Feature or a FeatureCollection).</source>
      <translation>Le texte n'est pas un GeoJSON valide (attendu : une géométrie, une Feature ou une FeatureCollection).</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>The text is not valid WKT (expected e.g. POLYGON((lon lat, ...))).</source>
      <translation>Le texte n'est pas un WKT valide (attendu par ex. : POLYGON((lon lat, ...))).</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/rasters.py" />
      <source>The tiles could not be assembled into one GeoTIFF ({reason}); run the download again to retry.</source>
      <translation>Les tuiles n'ont pas pu être assemblées en un GeoTIFF ({reason}) ; relancez le téléchargement pour réessayer.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>The value of the “session” cookie of your signed-in RS-Server browser tab. Kept in the system keyring.</source>
      <translation>La valeur du cookie « session » de votre onglet RS-Server connecté dans le navigateur. Gardée dans le trousseau du système.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/auth.py" />
      <source>The web browser could not be opened for the Google sign-in.</source>
      <translation>Le navigateur web n'a pas pu être ouvert pour la connexion Google.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/oidc.py" />
      <source>The web browser could not be opened for the Terrascope sign-in.</source>
      <translation>Impossible d'ouvrir le navigateur web pour la connexion à Terrascope.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connection_dialog.py" />
      <source>The web browser could not be opened for the sign-in; choose “Username and password” instead.</source>
      <translation>Impossible d'ouvrir le navigateur web pour la connexion ; choisissez plutôt « Nom d'utilisateur et mot de passe ».</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>The web browser could not be opened for the sign-in; use your password instead.</source>
      <translation>Impossible d'ouvrir le navigateur web pour la connexion ; utilisez plutôt votre mot de passe.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/loopback.py" />
      <source>The {service} sign-in did not succeed. You can close this tab and go back to QGIS.</source>
      <translation>La connexion à {service} n'a pas abouti. Vous pouvez fermer cet onglet et revenir à QGIS.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/loopback.py" />
      <source>The {service} sign-in was refused in the browser: {reason}</source>
      <translation>La connexion à {service} a été refusée dans le navigateur : {reason}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>The {what} cannot be read ({reason}): choose it again.</source>
      <translation>Le {what} est illisible ({reason}) : choisissez-le de nouveau.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/search_filters.py" />
      <source>The {what} dates are out of order: {start} is after {end}.</source>
      <translation>Les dates {what} ne sont pas dans l'ordre : {start} est postérieure à {end}.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/connections.py" />
      <source>There is no connection named {name}.</source>
      <translation>Il n'existe aucune connexion nommée {name}.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/jobs.py" />
      <source>There is no job {id}.</source>
      <translation>Il n'existe aucune tâche {id}.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_browser.py" />
      <source>These results have no footprint to zoom to.</source>
      <translation>Ces résultats n'ont aucune emprise sur laquelle zoomer.</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/streaming.py" />
      <source>This QGIS's GDAL ({version}) cannot send a key for one URL only, and this asset needs one: download it instead (a QGIS with GDAL 3.10 streams it).</source>
      <translation>Le GDAL de ce QGIS ({version}) ne sait pas envoyer une clé à une seule URL, et cette ressource en demande une : téléchargez-la plutôt (un QGIS avec GDAL 3.10 la lit sur place).</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>This account has no project yet.</source>
      <translation>Ce compte n'a encore aucun projet.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/streaming.py" />
      <source>This asset is in S3 storage (s3://{bucket}) and no S3 credentials are set up on this computer (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or ~/.aws/credentials): download its https copy instead, or set up the credentials and try again.</source>
      <translation>Cette ressource est dans un stockage S3 (s3://{bucket}) et aucun identifiant S3 n’est configuré sur cet ordinateur (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY ou ~/.aws/credentials) : téléchargez plutôt sa copie https, ou configurez les identifiants et réessayez.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/oidc.py" />
      <source>This catalogue does not accept a username and password; sign in with the browser instead.</source>
      <translation>Ce catalogue n'accepte pas de nom d'utilisateur et mot de passe ; connectez-vous plutôt avec le navigateur.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/oidc.py" />
      <source>This catalogue does not offer sign-in in the browser; use your username and password instead.</source>
      <translation>Ce catalogue ne propose pas de connexion dans le navigateur ; utilisez plutôt votre nom d'utilisateur et votre mot de passe.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/auth.py" />
      <source>This file is a service-account key: choose “Service-account key file”.</source>
      <translation>Ce fichier est une clé de compte de service : choisissez « Fichier de clé de compte de service ».</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/auth.py" />
      <source>This is not a valid service-account key file: a JSON key with client_email and private_key is needed (Google Cloud console ▸ IAM ▸ Service accounts ▸ Keys).</source>
      <translation>Ce n'est pas un fichier de clé de compte de service valide : il faut une clé JSON avec client_email et private_key (console Google Cloud ▸ IAM ▸ Comptes de service ▸ Clés).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/auth.py" />
      <source>This is not an Earth Engine credentials file (no refresh token in it): run “earthengine authenticate”, or sign in with the browser.</source>
      <translation>Ce n'est pas un fichier d'identifiants Earth Engine (pas de jeton de rafraîchissement) : lancez « earthengine authenticate », ou connectez-vous avec le navigateur.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/expressions.py" />
      <source>This is not an Earth Engine expression.</source>
      <translation>Ce n'est pas une expression Earth Engine.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>This is not an Earth Engine task name (projects/…/operations/…).</source>
      <translation>Ce n'est pas un nom de tâche Earth Engine (projects/…/operations/…).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/expressions.py" />
      <source>This needs the Python package earthengine-api: install it from the Earth Engine panel (or with pip), then restart QGIS.</source>
      <translation>Ceci demande le paquet Python earthengine-api : installez-le depuis le panneau Earth Engine (ou avec pip), puis redémarrez QGIS.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>Thumbnails</source>
      <translation>Vignettes</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_model.py" />
      <source>Tile</source>
      <translation>Tuile</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>Tile id</source>
      <translation>Identifiant de tuile</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Tile id of the product grid, e.g. 31UFS for Sentinel-2 (empty: any)</source>
      <translation>Identifiant de tuile de la grille des produits, p. ex. 31UFS pour Sentinel-2 (vide : toutes)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>To</source>
      <translation>Vers</translation>
    </message>
    <message>
      <location filename="eo_connector/core/download.py" />
      <source>Two files of this download would be written to the same place ({name}); nothing was downloaded.</source>
      <translation>Deux fichiers de ce téléchargement seraient écrits au même endroit ({name}) ; rien n'a été téléchargé.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>Unknown CADIP station {station}: choose among {choices}.</source>
      <translation>Station CADIP inconnue {station} : choisissez parmi {choices}.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/config.py" />
      <source>Unknown Terrascope environment "{name}"; choose one of: {choices}.</source>
      <translation>Environnement Terrascope inconnu « {name} » ; choisissez parmi : {choices}.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/download.py" />
      <source>Unknown kind of product file: {kinds}. Choose among: {choices}.</source>
      <translation>Type de fichier de produit inconnu : {kinds}. Choisissez parmi : {choices}.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>Unknown mode {mode}.</source>
      <translation>Mode inconnu {mode}.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/options.py" />
      <source>Unknown output format: {value}.</source>
      <translation>Format de sortie inconnu : {value}.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/registry.py" />
      <source>Unknown platform: {name}. Is the plugin up to date?</source>
      <translation>Plateforme inconnue : {name}. L'extension est-elle à jour ?</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/options.py" />
      <source>Unknown scenario type: {value}.</source>
      <translation>Type de scénario inconnu : {value}.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/options.py" />
      <source>Unknown source image type: {value}.</source>
      <translation>Type d'image source inconnu : {value}.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>Unzipping the results</source>
      <translation>Décompression des résultats</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>Updating a collection</source>
      <translation>Mise à jour d’une collection</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>Use as area of interest</source>
      <translation>Utiliser comme zone d'intérêt</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>Use this collection</source>
      <translation>Utiliser cette collection</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Username</source>
      <translation>Nom d'utilisateur</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>Username and password</source>
      <translation>Nom d'utilisateur et mot de passe</translation>
    </message>
    <message>
      <location filename="eo_connector/processing/algorithms.py" />
      <source>Uses a connection saved in the EO Connector panel (its name).</source>
      <translation>Utilise une connexion enregistrée dans le panneau EO Connector (son nom).</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>Valid polygon.</source>
      <translation>Polygone valide.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Vector</source>
      <translation>Vecteur</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Vector formats</source>
      <translation>Formats vecteur</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>Waiting for the BrightEarth server to start the scenario</source>
      <translation>En attente du démarrage du scénario par le serveur BrightEarth</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connection_dialog.py" />
      <source>Waiting for the browser… (Cancel to stop)</source>
      <translation>En attente du navigateur… (Annuler pour arrêter)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/oidc.py" />
      <source>Waiting for the sign-in in your web browser…</source>
      <translation>En attente de la connexion dans votre navigateur web…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Where the source imagery comes from</source>
      <translation>D’où vient l’imagerie source</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>Without an area of interest a search covers the whole world and can match a very large number of products: tick to go ahead anyway</source>
      <translation>Sans zone d’intérêt, une recherche couvre le monde entier et peut trouver un très grand nombre de produits : cochez pour continuer quand même</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>Written by “earthengine authenticate”; its refresh token is copied to your keyring.</source>
      <translation>Écrit par « earthengine authenticate » ; son jeton de rafraîchissement est copié dans votre trousseau.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/client.py" />
      <source>Your API key has no right on this RS-Server {service} resource (check its roles).</source>
      <translation>Votre clé d’API n’a pas de droit sur cette ressource {service} de RS-Server (vérifiez ses rôles).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>Your BrightEarth account has no credits left.</source>
      <translation>Votre compte BrightEarth n'a plus de crédits.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>Your BrightEarth account has no credits left: buy credits, then press Test in the connection section.</source>
      <translation>Votre compte BrightEarth n’a plus de crédits : achetez-en, puis appuyez sur Tester dans la section connexion.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>Your BrightEarth projects (↻ lists them)</source>
      <translation>Vos projets BrightEarth (↻ les liste)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/client.py" />
      <source>Your BrightEarth session has expired: sign in again.</source>
      <translation>Votre session BrightEarth a expiré : reconnectez-vous.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/auth.py" />
      <source>Your Google sign-in for Earth Engine is no longer valid ({reason}): sign in again.</source>
      <translation>Votre connexion Google pour Earth Engine n'est plus valide ({reason}) : connectez-vous à nouveau.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/auth.py" />
      <source>Your SEPAL session has expired: sign in to SEPAL again with your password.</source>
      <translation>Votre session SEPAL a expiré : reconnectez-vous à SEPAL avec votre mot de passe.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/client.py" />
      <source>Your Terrascope session has expired: sign in again.</source>
      <translation>Votre session Terrascope a expiré : reconnectez-vous.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>Your account is not allowed to do this.</source>
      <translation>Votre compte n'est pas autorisé à faire cela.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/errors.py" />
      <source>Your session has expired: sign in again.</source>
      <translation>Votre session a expiré : reconnectez-vous.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_browser.py" />
      <source>Zoom the map to the selected results (all results when none is selected)</source>
      <translation>Zoomer la carte sur les résultats sélectionnés (tous les résultats si aucun n'est sélectionné)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_browser.py" />
      <source>Zoom to</source>
      <translation>Zoomer sur</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>a connection</source>
      <translation>une connexion</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/client.py" />
      <source>a dict needs west, south, east and north.</source>
      <translation>un dictionnaire doit contenir west, south, east et north.</translation>
    </message>
    <message>
      <location filename="eo_connector/plugin.py" />
      <source>a part of the plugin did not load ({error})</source>
      <translation>une partie de l’extension ne s’est pas chargée ({error})</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>an area of interest</source>
      <translation>une zone d'intérêt</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/client.py" />
      <source>an interval is a pair (lowest, highest); use None for an open side.</source>
      <translation>un intervalle est une paire (minimum, maximum) ; utilisez None pour une borne ouverte.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>any</source>
      <translation>indifférent</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>being cancelled</source>
      <translation>en cours d'annulation</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>cancelled</source>
      <translation>annulée</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>closed a ring that goes around the globe over the pole</source>
      <translation>fermeture d'un anneau qui fait le tour du globe par le pôle</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>collection</source>
      <translation>des collections</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>comma-separated</source>
      <translation>séparés par des virgules</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/live_layers.py" />
      <source>connection missing</source>
      <translation>connexion manquante</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>credentials file</source>
      <translation>fichier d'identifiants</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>dissolved {count} features into one</source>
      <translation>fusion de {count} entités en une seule</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>done</source>
      <translation>terminée</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>e.g. -datetime</source>
      <translation>p. ex. -datetime</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>e.g. 000000,ffffff</source>
      <translation>par ex. 000000,ffffff</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>e.g. 2024-01-15</source>
      <translation>p. ex. 2024-01-15</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>e.g. 31UFS</source>
      <translation>p. ex. 31UFS</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>e.g. B4,B3,B2</source>
      <translation>par ex. B4,B3,B2</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connection_dialog.py" />
      <source>e.g. My {platform} account</source>
      <translation>p. ex. Mon compte {platform}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>e.g. USDOS/LSIB_SIMPLE/2017</source>
      <translation>par ex. USDOS/LSIB_SIMPLE/2017</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>e.g. USGS/SRTMGL1_003</source>
      <translation>par ex. USGS/SRTMGL1_003</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>e.g. ee_exports</source>
      <translation>par ex. ee_exports</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>exact, or with * wildcards</source>
      <translation>exact, ou avec des jokers *</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>failed</source>
      <translation>en échec</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>files</source>
      <translation>fichiers</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>from the key</source>
      <translation>tiré de la clé</translation>
    </message>
    <message>
      <location filename="eo_connector/core/lonlat_geometry.py" />
      <source>invalid geometry</source>
      <translation>géométrie invalide</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/live_layers.py" />
      <source>its map expired</source>
      <translation>sa carte a expiré</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>key file</source>
      <translation>fichier de clé</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope_texts.py" />
      <source>key=value, one a line (e.g. resolution=10)</source>
      <translation>clé=valeur, une par ligne (p. ex. resolution=10)</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>layer '{name}' (1 feature)</source>
      <translation>la couche « {name} » (1 entité)</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>layer '{name}' (1 selected feature)</source>
      <translation>la couche « {name} » (1 entité sélectionnée)</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>layer '{name}' (all {count} features)</source>
      <translation>la couche « {name} » (les {count} entités)</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>layer '{name}' ({count} selected features)</source>
      <translation>la couche « {name} » ({count} entités sélectionnées)</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>left out parts that are not polygons: {count}</source>
      <translation>parties non polygonales ignorées : {count}</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>left out {count} small parts or holes to stay within {limit} vertices</source>
      <translation>{count} petites parties ou trous ignorés pour ne pas dépasser {limit} sommets</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>lines</source>
      <translation>lignes</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>map canvas extent</source>
      <translation>l'emprise du canevas</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>modification</source>
      <translation>de modification</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>no</source>
      <translation>non</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>no details given</source>
      <translation>aucun détail fourni</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>no geometry</source>
      <translation>aucune géométrie</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>no polygons</source>
      <translation>aucun polygone</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>no reason given</source>
      <translation>aucune raison donnée</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/live_layers.py" />
      <source>not refreshed</source>
      <translation>non renouvelée</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>ongoing</source>
      <translation>en cours</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/layer_aoi.py" />
      <source>points</source>
      <translation>points</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>publication</source>
      <translation>de publication</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>repaired an invalid geometry ({reason})</source>
      <translation>réparation d'une géométrie invalide ({reason})</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>repaired {count} invalid geometries ({reason})</source>
      <translation>réparation de {count} géométries invalides ({reason})</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>running on the server</source>
      <translation>en cours sur le serveur</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>search</source>
      <translation>de recherche</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>sessions</source>
      <translation>sessions</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/live_layers.py" />
      <source>sign in again</source>
      <translation>reconnexion nécessaire</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>simplified from {before} to {after} vertices</source>
      <translation>simplification de {before} à {after} sommets</translation>
    </message>
    <message>
      <location filename="eo_connector/core/aoi.py" />
      <source>split at the antimeridian</source>
      <translation>découpage à l'antiméridien</translation>
    </message>
    <message>
      <location filename="eo_connector/core/credentials.py" />
      <source>system keyring</source>
      <translation>trousseau de clés du système</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>terracatalogueclient configuration file</source>
      <translation>fichier de configuration terracatalogueclient</translation>
    </message>
    <message>
      <location filename="eo_connector/plugin.py" />
      <source>the Python package {name} is missing or broken</source>
      <translation>le paquet Python {name} manque ou est cassé</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>the last session</source>
      <translation>la session précédente</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/live_layers.py" />
      <source>the layer was added</source>
      <translation>la couche a été ajoutée</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/live_layers.py" />
      <source>the project was opened</source>
      <translation>le projet a été ouvert</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>the server's</source>
      <translation>celle du serveur</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/aoi_panel.py" />
      <source>unknown</source>
      <translation>inconnu</translation>
    </message>
    <message>
      <location filename="eo_connector/core/streaming.py" />
      <source>unknown type</source>
      <translation>type inconnu</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/client.py" />
      <source>use (west, south, east, north) in degrees.</source>
      <translation>utilisez (ouest, sud, est, nord) en degrés.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/client.py" />
      <source>use WKT text, a shapely geometry or a GeoJSON geometry.</source>
      <translation>utilisez un texte WKT, une géométrie shapely ou une géométrie GeoJSON.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/client.py" />
      <source>use a date, a date and time, or text like 2021-01-31.</source>
      <translation>utilisez une date, une date et heure, ou un texte comme 2021-01-31.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/client.py" />
      <source>use a maximum percentage or a pair (lowest, highest).</source>
      <translation>utilisez un pourcentage maximal ou une paire (minimum, maximum).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/client.py" />
      <source>use a whole number of products, or None for all.</source>
      <translation>utilisez un nombre entier de produits, ou None pour tous.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine_browser.py" />
      <source>users/your name</source>
      <translation>users/votre nom</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/exports.py" />
      <source>waiting on the server</source>
      <translation>en attente sur le serveur</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>yes</source>
      <translation>oui</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/platform.py" />
      <source>you@example.com</source>
      <translation>vous@example.com</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/platform.py" />
      <source>your Earth Engine Cloud project id</source>
      <translation>l'identifiant de votre projet Cloud Earth Engine</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>{count} collections match.</source>
      <translation>{count} collections correspondent.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/operations.py" />
      <source>{count} features read</source>
      <translation>{count} entités lues</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>{count} files downloaded</source>
      <translation>{count} fichiers téléchargés</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/download_dialog.py" />
      <source>{count} files, {size} in total.</source>
      <translation>{count} fichiers, {size} au total.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>{count} filters of this collection</source>
      <translation>{count} filtres propres à cette collection</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>{count} items checked and ready to send.</source>
      <translation>{count} éléments vérifiés et prêts à envoyer.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>{count} items found</source>
      <translation>{count} éléments trouvés</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/publishing.py" />
      <source>{count} items into collection {collection}</source>
      <translation>{count} éléments vers la collection {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>{count} items of {collection}</source>
      <translation>{count} éléments de {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>{count} items removed.</source>
      <translation>{count} éléments retirés.</translation>
    </message>
    <message>
      <location filename="eo_connector/plugin.py" />
      <source>{count} job(s) were still running when QGIS closed.</source>
      <translation>Tâches encore en cours à la fermeture de QGIS : {count}.</translation>
    </message>
    <message>
      <location filename="eo_connector/processing/algorithms.py" />
      <source>{count} layers loaded</source>
      <translation>{count} couches chargées</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/jobs_panel.py" />
      <source>{count} layers loaded in group {name}</source>
      <translation>{count} couches chargées dans le groupe {name}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>{count} of {total} items</source>
      <translation>{count} éléments sur {total}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/client.py" />
      <source>{count} of {total} products</source>
      <translation>{count} produits sur {total}</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/catalogue_search.py" />
      <source>{count} of {total} results</source>
      <translation>{count} résultats sur {total}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>{count} problems: nothing was sent.</source>
      <translation>{count} problèmes : rien n’a été envoyé.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/operations.py" />
      <source>{count} products found</source>
      <translation>{count} produits trouvés</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/workflow.py" />
      <source>{count} products of {collection}</source>
      <translation>{count} produits de {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/download_dialog.py" />
      <source>{count} products selected.</source>
      <translation>{count} produits sélectionnés.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/brightearth/workflow.py" />
      <source>{count} result files ready</source>
      <translation>{count} fichiers de résultats prêts</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>{count} results</source>
      <translation>{count} résultats</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>{count} running tasks; {added} added to Jobs.</source>
      <translation>{count} tâches en cours ; {added} ajoutées aux tâches.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>{count} staged items are in {collection}: see the Catalogue tab to download or open them.</source>
      <translation>{count} éléments rapatriés sont dans {collection} : voyez l’onglet Catalogue pour les télécharger ou les ouvrir.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>{count} staged items in {collection}</source>
      <translation>{count} éléments rapatriés dans {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>{id}
platform {platform}, {start} – {end}</source>
      <translation>{id}
plateforme {platform}, {start} – {end}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>{id} ({count} items)</source>
      <translation>{id} ({count} éléments)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/publishing.py" />
      <source>{id}: {reason}</source>
      <translation>{id} : {reason}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>{item}/{asset} is only in S3 storage ({href}): it is left out; open it as a layer where S3 credentials are set up.</source>
      <translation>{item}/{asset} n’est que dans un stockage S3 ({href}) : laissée de côté ; ouvrez-la comme couche là où des identifiants S3 sont configurés.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/operations.py" />
      <source>{message}; {skipped} left out (only in S3 storage)</source>
      <translation>{message} ; {skipped} laissées de côté (seulement dans un stockage S3)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>{name} (#{id})</source>
      <translation>{name} (n° {id})</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>{name} (at most)</source>
      <translation>{name} (au plus)</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>{name} (from)</source>
      <translation>{name} (depuis)</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/brightearth.py" />
      <source>{name} ({id})</source>
      <translation>{name} ({id})</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/connections_panel.py" />
      <source>{name} ({platform})</source>
      <translation>{name} ({platform})</translation>
    </message>
    <message>
      <location filename="eo_connector/qgis_glue/live_layers.py" />
      <source>{name} ({problem})</source>
      <translation>{name} ({problem})</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_assets.py" />
      <source>{name} added, read in place from the server.</source>
      <translation>{name} ajoutée, lue sur place depuis le serveur.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/download_request.py" />
      <source>{name} cannot be written to the output folder ({reason}); choose another folder, then resume.</source>
      <translation>Impossible d'écrire {name} dans le dossier de sortie ({reason}) ; choisissez un autre dossier, puis reprenez.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>{name} started: follow it in the Jobs section.</source>
      <translation>{name} lancé : suivez-le dans la section Tâches.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/generic_panel.py" />
      <source>{name} started: follow it in the Jobs tab.</source>
      <translation>{name} lancé : suivez-le dans l’onglet Tâches.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>{name}: follow it in the Jobs section; the staged items will show in the Catalogue tab.</source>
      <translation>{name} : suivez-la dans la section Tâches ; les éléments rapatriés apparaîtront dans l’onglet Catalogue.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/generic_panel.py" />
      <source>{name}: {message}</source>
      <translation>{name} : {message}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/filters.py" />
      <source>{name}: “{value}” is not a number.</source>
      <translation>{name} : « {value} » n’est pas un nombre.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/polling.py" />
      <source>{n} hours</source>
      <translation>{n} heures</translation>
    </message>
    <message>
      <location filename="eo_connector/core/polling.py" />
      <source>{n} minutes</source>
      <translation>{n} minutes</translation>
    </message>
    <message>
      <location filename="eo_connector/core/polling.py" />
      <source>{n} seconds</source>
      <translation>{n} secondes</translation>
    </message>
    <message>
      <location filename="eo_connector/core/platform.py" />
      <source>{platform} has no operation {kind}.</source>
      <translation>{platform} n'a pas d'opération {kind}.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/dependency_notice.py" />
      <source>{platform} needs the Python package {names}, which is not installed.</source>
      <translation>{platform} a besoin du paquet Python {names}, qui n'est pas installé.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>{platform} search in {collection}</source>
      <translation>Recherche {platform} dans {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_text.py" />
      <source>{results} — loading…</source>
      <translation>{results} — chargement…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_text.py" />
      <source>{results}, 1 selected</source>
      <translation>{results}, 1 sélectionné</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_text.py" />
      <source>{results}, {count} selected</source>
      <translation>{results}, {count} sélectionnés</translation>
    </message>
    <message>
      <location filename="eo_connector/core/http_errors.py" />
      <source>{sentence} The server said: {explanation}</source>
      <translation>{sentence} Réponse du serveur : {explanation}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>{sent} items published into {collection}.</source>
      <translation>{sent} éléments publiés dans {collection}.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/client.py" />
      <source>{service} answered the search with something that is not a list of items.</source>
      <translation>{service} a répondu à la recherche par autre chose qu’une liste d’éléments.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/client.py" />
      <source>{service} did not answer in JSON: is {url} a STAC API?</source>
      <translation>{service} n’a pas répondu en JSON : {url} est-elle une API STAC ?</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/client.py" />
      <source>{service} has no item search.</source>
      <translation>{service} n’a pas de recherche d’éléments.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/operations.py" />
      <source>{service} search in {collection}</source>
      <translation>Recherche {service} dans {collection}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>{service} service root</source>
      <translation>Racine du service {service}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>{shown} items shown before the search stopped.</source>
      <translation>{shown} éléments affichés avant l’arrêt de la recherche.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_text.py" />
      <source>{shown} of {total} results</source>
      <translation>{shown} résultats sur {total}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_stations.py" />
      <source>{shown} of {total} {noun}</source>
      <translation>{shown} {noun} sur {total}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_text.py" />
      <source>{shown} results</source>
      <translation>{shown} résultats</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>{size} Download it?</source>
      <translation>{size} Le télécharger ?</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/collections_dialog.py" />
      <source>{start} – {end}</source>
      <translation>{start} – {end}</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server_publish.py" />
      <source>{status} The server refused {count}:</source>
      <translation>{status} Le serveur en a refusé {count} :</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/rs_server.py" />
      <source>{status} · {count} roles</source>
      <translation>{status} · {count} rôles</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/platform.py" />
      <source>{status} — the catalogue lists {count} collections.</source>
      <translation>{status} — le catalogue compte {count} collections.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>{status} — {count} roles</source>
      <translation>{status} — {count} rôles</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>{title} — {count} collections</source>
      <translation>{title} — {count} collections</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>{total} items match</source>
      <translation>{total} éléments correspondent</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/stac_search.py" />
      <source>{total} items match — {shown} shown, more coming…</source>
      <translation>{total} éléments correspondent — {shown} affichés, la suite arrive…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>{total} products match</source>
      <translation>{total} produits correspondent</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/terrascope/client.py" />
      <source>{total} products match this search, more than the catalogue can list ({reachable}). Please narrow the search (smaller area, shorter dates, lower cloud cover) and try again.</source>
      <translation>{total} produits correspondent à cette recherche, plus que le catalogue ne peut en lister ({reachable}). Affinez la recherche (zone plus petite, période plus courte, couverture nuageuse plus faible) puis réessayez.</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/terrascope.py" />
      <source>{total} products match — {shown} shown, more coming…</source>
      <translation>{total} produits correspondent — {shown} affichés, d'autres arrivent…</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/generic_panel.py" />
      <source>{total} results match — {shown} shown</source>
      <translation>{total} résultats correspondent — {shown} affichés</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/earth_engine/assets.py" />
      <source>{type}: {id}</source>
      <translation>{type} : {id}</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>{url} does not answer as an RS-Server: it has no STAC catalogue at {catalog}.</source>
      <translation>{url} ne répond pas comme un RS-Server : il n’a pas de catalogue STAC à {catalog}.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/rs_server/platform.py" />
      <source>{url} does not answer as an RS-Server: its catalogue has no STAC item search.</source>
      <translation>{url} ne répond pas comme un RS-Server : son catalogue n’a pas de recherche d’éléments STAC.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/platform.py" />
      <source>{url} is a STAC catalogue without item search: EO Connector needs a STAC API.</source>
      <translation>{url} est un catalogue STAC sans recherche d’éléments : EO Connector a besoin d’une API STAC.</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/client.py" />
      <source>{url} is not a STAC API (its landing page has no links).</source>
      <translation>{url} n’est pas une API STAC (sa page d’accueil n’a pas de liens).</translation>
    </message>
    <message>
      <location filename="eo_connector/providers/stac/client.py" />
      <source>{url} is not a STAC API (no landing page).</source>
      <translation>{url} n’est pas une API STAC (pas de page d’accueil).</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/widgets/results_model.py" />
      <source>{value} %</source>
      <translation>{value} %</translation>
    </message>
    <message>
      <location filename="eo_connector/gui/platforms/earth_engine.py" />
      <source>{width} × {height} pixels, {bands} bands: about {size} before compression.</source>
      <translation>{width} × {height} pixels, {bands} bandes : environ {size} avant compression.</translation>
    </message>
    <message>
      <location filename="eo_connector/core/streaming.py" />
      <source>“{name}” ({media}) cannot be opened in place: GDAL streams GeoTIFF/COG, Zarr and vector files. Download it instead.</source>
      <translation>« {name} » ({media}) ne s’ouvre pas sur place : GDAL lit à distance les GeoTIFF/COG, Zarr et fichiers vecteurs. Téléchargez-la plutôt.</translation>
    </message>
  </context>
</TS>
