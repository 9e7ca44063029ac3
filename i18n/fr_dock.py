"""French for the strings of issue 8 (the dock as users meet it); applied with tests/tools/fill_translations.py."""

FR = {
    "Acquired on or after this date (empty: no limit)": "Acquis à partir de cette date (vide : sans limite)",
    "Acquired on or before this date (empty: no limit)": "Acquis jusqu’à cette date (vide : sans limite)",
    "Active layer": "Couche active",
    "Area of interest: where it comes from and its size": "Zone d’intérêt : d’où elle vient et sa taille",
    "Ask BrightEarth for the results as {format} files": "Demander à BrightEarth les résultats en fichiers {format}",
    "At that rate this one ({this} km²) costs about {estimate}.":
        "À ce tarif, celui-ci ({this} km²) coûte environ {estimate}.",
    "BrightEarth server: {state}": "Serveur BrightEarth : {state}",
    "Buildings with more attributes (height, roof type) where BrightEarth can derive them":
        "Bâtiments avec plus d’attributs (hauteur, type de toit) là où BrightEarth peut les déduire",
    "Cancel job": "Annuler la tâche",
    "Cancel {name}?": "Annuler {name} ?",
    "Cancelled after the download: the results are in the output folder.":
        "Annulé après le téléchargement : les résultats sont dans le dossier de sortie.",
    "Cancelled before the scenario started: no credit was spent.":
        "Annulé avant le démarrage du scénario : aucun crédit n’a été dépensé.",
    "Cancelled here; the scenario goes on on the server (its credits are spent): Follow again downloads its results "
    "without paying again.":
        "Annulé ici ; le scénario continue sur le serveur (ses crédits sont dépensés) : Reprendre le suivi télécharge "
        "ses résultats sans payer une seconde fois.",
    "Cancelled: Follow again resumes it where it stopped.": "Annulé : Reprendre le suivi la reprend là où elle s’est "
                                                            "arrêtée.",
    "Cloud": "Nuages",
    "Continue": "Continuer",
    "Coordinate reference system of the result files": "Système de coordonnées des fichiers de résultats",
    "Count the matching products, then list them in the Results tab":
        "Compter les produits correspondants, puis les lister dans l’onglet Résultats",
    "Credits are charged by area (the price is not published). Your last scenario used {used} credits for {area} km².":
        "Les crédits sont facturés à la surface (le prix n’est pas publié). Votre dernier scénario a utilisé {used} "
        "crédits pour {area} km².",
    "Credits are charged by area (the price is not published): this area is {area} km².":
        "Les crédits sont facturés à la surface (le prix n’est pas publié) : cette zone fait {area} km².",
    "Default models": "Modèles par défaut",
    "Download of {count} products started: follow it in the Jobs tab.":
        "Téléchargement de {count} produits lancé : suivez-le dans l’onglet Tâches.",
    "EO Connector help": "Aide d’EO Connector",
    "EO Connector keeps your sign-ins in QGIS's encrypted authentication database (no system keyring works here), "
    "which has no master password yet: QGIS will now ask you to choose one, and Cancel there only means this sign-in "
    "is kept until QGIS closes.":
        "EO Connector garde vos connexions dans la base d’authentification chiffrée de QGIS (aucun trousseau système "
        "ne fonctionne ici), qui n’a pas encore de mot de passe principal : QGIS va vous demander d’en choisir un, et "
        "Annuler y signifie seulement que cette connexion est gardée jusqu’à la fermeture de QGIS.",
    "EO Connector keeps your sign-ins in QGIS's encrypted authentication database (no system keyring works here): "
    "QGIS will now ask for its master password, and Cancel there only means your saved sign-ins cannot be used until "
    "QGIS restarts.":
        "EO Connector garde vos connexions dans la base d’authentification chiffrée de QGIS (aucun trousseau système "
        "ne fonctionne ici) : QGIS va demander son mot de passe principal, et Annuler y signifie seulement que vos "
        "connexions enregistrées ne peuvent pas servir avant le redémarrage de QGIS.",
    "Follow my running tasks": "Suivre mes tâches en cours",
    "Finished after its connection was removed: the results were not loaded.":
        "Terminée après la suppression de sa connexion : les résultats n’ont pas été chargés.",
    "Help on connections and signing in": "Aide sur les connexions et l’identification",
    "Help on this tab (opens the guide's section)": "Aide sur cet onglet (ouvre la section du guide)",
    "Jobs ({count})": "Tâches ({count})",
    "Last changed in the catalogue between these dates (empty: no limit)":
        "Modifié dans le catalogue entre ces dates (vide : sans limite)",
    "Map extent": "Emprise de la carte",
    "Name of the new project; empty: the scenario's name": "Nom du nouveau projet ; vide : le nom du scénario",
    "No area of interest (Area tab).": "Pas de zone d’intérêt (onglet Zone).",
    "No job yet: processing runs and downloads you start are listed here.":
        "Aucune tâche pour l’instant : les traitements et téléchargements que vous lancez sont listés ici.",
    "Not now": "Pas maintenant",
    "Open this section of the guide in your web browser": "Ouvrir cette section du guide dans votre navigateur web",
    "Other catalogue parameters, one key=value a line": "Autres paramètres du catalogue, un clé=valeur par ligne",
    "Preview": "Aperçu",
    "Processed by the BrightEarth server": "Traité par le serveur BrightEarth",
    "Processing runs and downloads, with their progress": "Traitements et téléchargements, avec leur progression",
    "Products acquired together share a group id (empty: any)":
        "Les produits acquis ensemble partagent un identifiant de groupe (vide : tous)",
    "Project name": "Nom du projet",
    "Published in the catalogue between these dates (empty: no limit)":
        "Publié dans le catalogue entre ces dates (vide : sans limite)",
    "Queued on the BrightEarth server": "En file d’attente sur le serveur BrightEarth",
    "Read online": "Lire en ligne",
    "Relative orbit number (any: no filter)": "Numéro d’orbite relative (toutes : sans filtre)",
    "Remove the connection {name}? Its saved session is deleted, and the footprints and previews of its searches "
    "leave the map.":
        "Supprimer la connexion {name} ? Sa session enregistrée est effacée, et les emprises et aperçus de ses "
        "recherches quittent la carte.",
    "Results": "Résultats",
    "Run the scenario in a new BrightEarth project": "Lancer le scénario dans un nouveau projet BrightEarth",
    "Run the scenario in one of your BrightEarth projects": "Lancer le scénario dans un de vos projets BrightEarth",
    "Satellite's direction over the area": "Sens de passage du satellite au-dessus de la zone",
    "Saved sign-ins cannot be used in this session: the QGIS authentication database stays locked. Sign in again to "
    "use this connection until QGIS closes.":
        "Les connexions enregistrées ne peuvent pas servir dans cette session : la base d’authentification de QGIS "
        "reste verrouillée. Identifiez-vous à nouveau pour utiliser cette connexion jusqu’à la fermeture de QGIS.",
    "Scenario {name} failed: {reason}": "Le scénario {name} a échoué : {reason}",
    "Scenario {name} finished: {message}": "Scénario {name} terminé : {message}",
    "Scenario {name} started: follow it in the Jobs tab.": "Scénario {name} lancé : suivez-le dans l’onglet Tâches.",
    "Scenario {name}: {message}": "Scénario {name} : {message}",
    "Search the whole catalogue": "Chercher dans tout le catalogue",
    "Sign in with this password": "S’identifier avec ce mot de passe",
    "Stop the search; the products already listed stay": "Arrêter la recherche ; les produits déjà listés restent",
    "Stop the selected job": "Arrêter la tâche sélectionnée",
    "That may be more than your {credits} credits.": "C’est peut-être plus que vos {credits} crédits.",
    "The BrightEarth server is processing the scenario": "Le serveur BrightEarth traite le scénario",
    "The catalogue's product type, e.g. S2MSI2A (empty: any)": "Le type de produit du catalogue, p. ex. S2MSI2A "
                                                               "(vide : tous)",
    "The collection to search: pick one, or type its id": "La collection où chercher : choisissez-en une, ou tapez "
                                                          "son identifiant",
    "The guide (README.md) is not installed with the plugin; read it online.":
        "Le guide (README.md) n’est pas installé avec l’extension ; lisez-le en ligne.",
    "The job {job} is running with it and is cancelled now.": "La tâche {job} tourne avec elle et est annulée "
                                                              "maintenant.",
    "The kind of extraction: mono extraction reads one image": "Le type d’extraction : l’extraction mono lit une "
                                                              "seule image",
    "The layer of the search results could not be created in {folder}.":
        "La couche des résultats de recherche n’a pas pu être créée dans {folder}.",
    "The layer selected in the Layers panel: its selected features, else all of them":
        "La couche sélectionnée dans le panneau Couches : ses entités sélectionnées, sinon toutes",
    "The panel could not be opened: {reason}. Details are in the log (View ▸ Panels ▸ Log Messages).":
        "Le panneau n’a pas pu s’ouvrir : {reason}. Les détails sont dans le journal (Vue ▸ Panneaux ▸ Journal des "
        "messages).",
    "The password of this account: sent to its sign-in only, never saved":
        "Le mot de passe de ce compte : envoyé seulement à son identification, jamais enregistré",
    "The polygon layer to read the area from": "La couche de polygones d’où lire la zone",
    "The polygons of the layer chosen below (its selected features, else all of them)":
        "Les polygones de la couche choisie ci-dessous (ses entités sélectionnées, sinon toutes)",
    "The rectangle the map shows now": "Le rectangle que la carte montre maintenant",
    "The results are downloaded into a new folder in this one": "Les résultats sont téléchargés dans un nouveau "
                                                                "dossier à l’intérieur de celui-ci",
    "The results of the last search": "Les résultats de la dernière recherche",
    "The scenario failed on the BrightEarth server": "Le scénario a échoué sur le serveur BrightEarth",
    "The scenario's name: also the name of the layer group of its results":
        "Le nom du scénario : aussi celui du groupe de couches de ses résultats",
    "Tile id of the product grid, e.g. 31UFS for Sentinel-2 (empty: any)":
        "Identifiant de tuile de la grille des produits, p. ex. 31UFS pour Sentinel-2 (vide : toutes)",
    "Waiting for the BrightEarth server to start the scenario": "En attente du démarrage du scénario par le serveur "
                                                                "BrightEarth",
    "Where the source imagery comes from": "D’où vient l’imagerie source",
    "Without an area of interest a search covers the whole world and can match a very large number of products: tick "
    "to go ahead anyway":
        "Sans zone d’intérêt, une recherche couvre le monde entier et peut trouver un très grand nombre de produits : "
        "cochez pour continuer quand même",
    "Your BrightEarth account has no credits left: buy credits, then press Test in the connection section.":
        "Votre compte BrightEarth n’a plus de crédits : achetez-en, puis appuyez sur Tester dans la section "
        "connexion.",
    "Your BrightEarth projects (↻ lists them)": "Vos projets BrightEarth (↻ les liste)",
    "a part of the plugin did not load ({error})": "une partie de l’extension ne s’est pas chargée ({error})",
    "the Python package {name} is missing or broken": "le paquet Python {name} manque ou est cassé",
    "the last session": "la session précédente",
    "{name} started: follow it in the Jobs tab.": "{name} lancé : suivez-le dans l’onglet Tâches.",
    "{name}: {message}": "{name} : {message}",
}
