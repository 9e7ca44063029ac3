"""French for the Earth Engine strings (tests/tools/fill_translations.py i18n/eo_connector_fr.ts i18n/fr_earth_engine.py)."""

FR = {
    "A palette colours one band; choose one band or no palette.":
        "Une palette colore une seule bande : choisissez une bande, ou aucune palette.",
    "Add Earth Engine layer": "Ajouter une couche Earth Engine",
    "Add features to map": "Ajouter les entités à la carte",
    "Add to map": "Ajouter à la carte",
    "Adds an image or collection (its mosaic) as a live map layer drawn by Earth Engine, with the bands, stretch "
    "(min, max), palette and gamma given. The layer keeps its expression in the project and gets a new map by itself "
    "when its map expires or the project is opened again.":
        "Ajoute une image ou une collection (sa mosaïque) comme couche cartographique dessinée en direct par Earth "
        "Engine, avec les bandes, l'étirement (min, max), la palette et le gamma donnés. La couche garde son "
        "expression dans le projet et obtient d'elle-même une nouvelle carte quand la sienne expire ou que le projet "
        "est rouvert.",
    "An asset id (e.g. USGS/SRTMGL1_003), an expression as JSON, or Python code using ee (e.g. "
    "ee.Image('USGS/SRTMGL1_003').select('elevation')).":
        "Un identifiant d'asset (par ex. USGS/SRTMGL1_003), une expression en JSON, ou du code Python utilisant ee "
        "(par ex. ee.Image('USGS/SRTMGL1_003').select('elevation')).",
    "An asset id or an expression (ee.Image(…))": "Un identifiant d'asset ou une expression (ee.Image(…))",
    "Asking Earth Engine for a map": "Demande d'une carte à Earth Engine",
    "Assembling the tiles into one Cloud-Optimised GeoTIFF": "Assemblage des tuiles en un GeoTIFF optimisé cloud",
    "Assembling the tiles needs GDAL, which QGIS ships; run this inside QGIS.":
        "L'assemblage des tuiles demande GDAL, fourni avec QGIS : lancez ceci dans QGIS.",
    "Asset": "Asset",
    "Bands": "Bandes",
    "Bands (all when empty)": "Bandes (toutes si vide)",
    "Bands: {bands}": "Bandes : {bands}",
    "CRS": "SCR",
    "Choose an area of interest: an image is exported over it.":
        "Choisissez une zone d'intérêt : l'image est exportée sur cette zone.",
    "Choose an output folder.": "Choisissez un dossier de sortie.",
    "Choose the service-account key file (.json).": "Choisissez le fichier de clé du compte de service (.json).",
    "Chosen in the list above, or typed: an asset id, an expression as JSON, or Python code using ee":
        "Choisi dans la liste ci-dessus, ou saisi : un identifiant d'asset, une expression en JSON ou du code Python "
        "utilisant ee",
    "Classifier": "Classifieur",
    "Cloud Storage": "Cloud Storage",
    "Cloud project": "Projet Cloud",
    "Computes a table or feature collection (an asset id or an expression) page by page (table:computeFeatures) and "
    "loads its features as a vector layer.":
        "Calcule une table ou une collection d'entités (un identifiant d'asset ou une expression) page par page "
        "(table:computeFeatures) et charge ses entités comme couche vecteur.",
    "Computes the image's pixels over the area of interest at the scale and in the CRS given (image:computePixels), "
    "in tiles fetched in parallel and resumable, and assembles them into one Cloud-Optimised GeoTIFF clipped to the "
    "area, loaded as a layer.":
        "Calcule les pixels de l'image sur la zone d'intérêt à l'échelle et dans le SCR donnés (image:computePixels), "
        "en tuiles téléchargées en parallèle et reprenables, puis les assemble en un GeoTIFF optimisé cloud découpé "
        "sur la zone, chargé comme couche.",
    "Credentials file": "Fichier d'identifiants",
    "Credentials of “earthengine authenticate”": "Identifiants de « earthengine authenticate »",
    "Dates: {dates}": "Dates : {dates}",
    "Download pixels over an area": "Télécharger les pixels d'une zone",
    "Download pixels…": "Télécharger les pixels…",
    "Downloading: {size}": "Téléchargement : {size}",
    "Earth Engine API": "API Earth Engine",
    "Earth Engine asset": "Asset Earth Engine",
    "Earth Engine does not know it: {message}": "Earth Engine ne le connaît pas : {message}",
    "Earth Engine export": "Export Earth Engine",
    "Earth Engine export: {name}": "Export Earth Engine : {name}",
    "Earth Engine features as a layer": "Entités Earth Engine en couche",
    "Earth Engine is busy: {message} Try again in a moment.": "Earth Engine est occupé : {message} Réessayez dans un "
                                                              "instant.",
    "Earth Engine is having trouble: {message} Try again in a few minutes.":
        "Earth Engine rencontre un problème : {message} Réessayez dans quelques minutes.",
    "Earth Engine kept refusing the tiles as too large; choose a coarser scale.":
        "Earth Engine refuse toujours les tuiles comme trop grandes : choisissez une échelle plus grossière.",
    "Earth Engine layer: {name}": "Couche Earth Engine : {name}",
    "Earth Engine needs the Python package earthengine-api, which is not installed: press Install below, then restart "
    "QGIS.":
        "Earth Engine a besoin du paquet Python earthengine-api, qui n'est pas installé : cliquez sur Installer "
        "ci-dessous, puis redémarrez QGIS.",
    "Earth Engine pixels: {name}": "Pixels Earth Engine : {name}",
    "Earth Engine refused access: {message}": "Earth Engine a refusé l'accès : {message}",
    "Earth Engine refused the request: {message}": "Earth Engine a refusé la requête : {message}",
    "Earth Engine refused the sign-in ({message}): sign in again.":
        "Earth Engine a refusé la connexion ({message}) : connectez-vous à nouveau.",
    "Earth Engine task": "Tâche Earth Engine",
    "Earth Engine task {state} ({percent} %)": "Tâche Earth Engine {state} ({percent} %)",
    "Earth Engine task: {name}": "Tâche Earth Engine : {name}",
    "Enter the Cloud project registered for Earth Engine.": "Saisissez le projet Cloud enregistré pour Earth Engine.",
    "Enter the legacy root to list, e.g. users/your name.":
        "Saisissez la racine historique à lister, par ex. users/votre nom.",
    "Enter your SEPAL password.": "Saisissez votre mot de passe SEPAL.",
    "Enter your SEPAL username and password.": "Saisissez votre nom d'utilisateur et votre mot de passe SEPAL.",
    "Estimating an Earth Engine download": "Estimation d'un téléchargement Earth Engine",
    "Estimating the size of the download…": "Estimation de la taille du téléchargement…",
    "Export": "Exporter",
    "Export {name}": "Export {name}",
    "Exports an image (over the area of interest, at the scale given) or a table to Google Drive, Cloud Storage or an "
    "Earth Engine asset, as an Earth Engine task followed in the Jobs list; cancelling the job cancels the task.":
        "Exporte une image (sur la zone d'intérêt, à l'échelle donnée) ou une table vers Google Drive, Cloud Storage "
        "ou un asset Earth Engine, comme tâche Earth Engine suivie dans la liste des tâches ; annuler la tâche "
        "l'annule aussi sur le serveur.",
    "Fetching {count} tiles of pixels ({size} uncompressed)":
        "Téléchargement de {count} tuiles de pixels ({size} non compressés)",
    "Folder, bucket or asset id": "Dossier, bucket ou identifiant d'asset",
    "Follow my running Earth Engine tasks": "Suivre mes tâches Earth Engine en cours",
    "Gamma": "Gamma",
    "Give an Earth Engine asset id or an expression.": "Donnez un identifiant d'asset Earth Engine ou une expression.",
    "Give the CRS as an EPSG code, e.g. EPSG:4326 or EPSG:32631.":
        "Donnez le SCR sous forme de code EPSG, par ex. EPSG:4326 ou EPSG:32631.",
    "Give the Drive folder, the Cloud Storage bucket or the asset id to export to.":
        "Donnez le dossier Drive, le bucket Cloud Storage ou l'identifiant d'asset de destination.",
    "Google Drive": "Google Drive",
    "Google Earth Engine": "Google Earth Engine",
    "Google refused the service-account key: {reason}": "Google a refusé la clé du compte de service : {reason}",
    "Google refused the sign-in: {reason}": "Google a refusé la connexion : {reason}",
    "Google sign-in page": "Page de connexion Google",
    "Google token endpoint": "Point d'accès des jetons Google",
    "Image": "Image",
    "Image collection": "Collection d'images",
    "Image, collection or expression": "Image, collection ou expression",
    "Image, table or expression": "Image, table ou expression",
    "In the browser (Google)": "Dans le navigateur (Google)",
    "Installed. Restart QGIS if something still says it is missing.":
        "Installé. Redémarrez QGIS si quelque chose le dit encore manquant.",
    "Installing Python packages for {platform}": "Installation des paquets Python pour {platform}",
    "Installing… QGIS keeps working meanwhile.": "Installation… QGIS reste utilisable pendant ce temps.",
    "Its content is kept in your keyring: the file can be moved afterwards.":
        "Son contenu est gardé dans votre trousseau : le fichier peut ensuite être déplacé.",
    "Key file": "Fichier de clé",
    "Large download": "Gros téléchargement",
    "Layer name": "Nom de la couche",
    "Legacy (users/…)": "Historique (users/…)",
    "Legacy assets (users/…)": "Assets historiques (users/…)",
    "List": "Lister",
    "Listing Earth Engine assets": "Liste des assets Earth Engine",
    "Listing Earth Engine tasks": "Liste des tâches Earth Engine",
    "Listing…": "Liste en cours…",
    "Lists the account's tasks that are not finished and follows them in Jobs":
        "Liste les tâches du compte qui ne sont pas terminées et les suit dans les tâches",
    "Map layer": "Couche cartographique",
    "Maximum": "Maximum",
    "Minimum": "Minimum",
    "More…": "Plus…",
    "My project": "Mon projet",
    "Not signed in to Earth Engine: sign in again.": "Non connecté à Earth Engine : connectez-vous à nouveau.",
    "Nothing found.": "Rien trouvé.",
    "Nothing was downloaded ({size})": "Rien n'a été téléchargé ({size})",
    "Palette": "Palette",
    "Pixels of {name}": "Pixels de {name}",
    "Pixels over the area of interest": "Pixels sur la zone d'intérêt",
    "Public catalogue": "Catalogue public",
    "Python expressions need a connection to Earth Engine.":
        "Les expressions Python demandent une connexion à Earth Engine.",
    "Reading the Earth Engine catalogue…": "Lecture du catalogue Earth Engine…",
    "Reading the asset": "Lecture de l'asset",
    "Reading the dataset's description": "Lecture de la description du jeu de données",
    "Reading the image's bands": "Lecture des bandes de l'image",
    "Refreshing the map of {name}": "Renouvellement de la carte de {name}",
    "Reprojecting the area of interest needs GDAL; choose EPSG:4326.":
        "La reprojection de la zone d'intérêt demande GDAL : choisissez EPSG:4326.",
    "SEPAL": "SEPAL",
    "SEPAL account": "Compte SEPAL",
    "SEPAL has no Google account connected for this user: connect one in SEPAL (user ▸ Google account), then sign in "
    "again.":
        "SEPAL n'a pas de compte Google relié pour cet utilisateur : reliez-en un dans SEPAL (utilisateur ▸ compte "
        "Google), puis reconnectez-vous.",
    "SEPAL sign-in failed: wrong username or password.":
        "Échec de la connexion à SEPAL : nom d'utilisateur ou mot de passe incorrect.",
    "Scale (metres per pixel)": "Échelle (mètres par pixel)",
    "Search ids: e.g. SRTM, COPERNICUS S2": "Chercher dans les identifiants : par ex. SRTM, COPERNICUS S2",
    "Searching the Earth Engine catalogue": "Recherche dans le catalogue Earth Engine",
    "Searching the public catalogue…": "Recherche dans le catalogue public…",
    "Sent only to SEPAL's sign-in; never saved.": "Envoyé uniquement à la connexion SEPAL ; jamais enregistré.",
    "Service-account key (*.json);;All files (*)": "Clé de compte de service (*.json);;Tous les fichiers (*)",
    "Service-account key file": "Fichier de clé de compte de service",
    "Service-account keys need the Python package earthengine-api (with google-auth); install it from the Earth "
    "Engine panel.":
        "Les clés de compte de service demandent le paquet Python earthengine-api (avec google-auth) : installez-le "
        "depuis le panneau Earth Engine.",
    "Show one band (with a palette) or three bands (red, green, blue), not {count}.":
        "Affichez une bande (avec une palette) ou trois bandes (rouge, vert, bleu), pas {count}.",
    "Sign in with": "Se connecter avec",
    "Sign in with the browser.": "Connectez-vous avec le navigateur.",
    "Sign in…": "Se connecter…",
    "Signed in as {user}; Cloud project {project}.": "Connecté en tant que {user} ; projet Cloud {project}.",
    "Signed in to {service}. You can close this tab and go back to QGIS.":
        "Connecté à {service}. Vous pouvez fermer cet onglet et revenir à QGIS.",
    "Signed in; Cloud project {project}.": "Connecté ; projet Cloud {project}.",
    "Signing in to Google Earth Engine needs the Python package earthengine-api; install it from the Earth Engine "
    "panel.":
        "La connexion à Google Earth Engine demande le paquet Python earthengine-api : installez-le depuis le panneau "
        "Earth Engine.",
    "Size: {size}": "Taille : {size}",
    "Table": "Table",
    "Table or feature collection": "Table ou collection d'entités",
    "Task (operation name)": "Tâche (nom de l'opération)",
    "Task name": "Nom de la tâche",
    "The Earth Engine task failed: {message}": "La tâche Earth Engine a échoué : {message}",
    "The Earth Engine task is cancelled on the server too; what it already wrote stays where it is.":
        "La tâche Earth Engine est aussi annulée sur le serveur ; ce qu'elle a déjà écrit reste en place.",
    "The Earth Engine task was cancelled.": "La tâche Earth Engine a été annulée.",
    "The Google Cloud project registered for Earth Engine that your requests use (checked when you sign in).":
        "Le projet Google Cloud enregistré pour Earth Engine qu'utilisent vos requêtes (vérifié à la connexion).",
    "The download stops; the tiles already fetched are kept and Follow again fetches the others. No GeoTIFF is made "
    "until all of them are there.":
        "Le téléchargement s'arrête ; les tuiles déjà reçues sont gardées et Reprendre télécharge les autres. Aucun "
        "GeoTIFF n'est créé tant qu'elles ne sont pas toutes là.",
    "The expression could not be built: {error}": "L'expression n'a pas pu être construite : {error}",
    "The expression is not valid JSON.": "L'expression n'est pas du JSON valide.",
    "The expression must give an Earth Engine object (e.g. an ee.Image).":
        "L'expression doit donner un objet Earth Engine (par ex. une ee.Image).",
    "The layer {name} comes from a connection that is no longer saved: add the connection again to see it.":
        "La couche {name} vient d'une connexion qui n'est plus enregistrée : ajoutez de nouveau la connexion pour la "
        "voir.",
    "The layer {name} needs you to sign in again: {reason}": "La couche {name} demande de vous reconnecter : {reason}",
    "The map of layer {name} could not be renewed: {reason}":
        "La carte de la couche {name} n'a pas pu être renouvelée : {reason}",
    "The minimum of the stretch must be below its maximum.": "Le minimum de l'étirement doit être sous son maximum.",
    "The minimum, maximum and gamma must be numbers.": "Le minimum, le maximum et le gamma doivent être des nombres.",
    "The private key in this service-account key file cannot be read: choose the key file again.":
        "La clé privée de ce fichier de compte de service est illisible : choisissez de nouveau le fichier de clé.",
    "The scale must be a positive number of metres per pixel.":
        "L'échelle doit être un nombre positif de mètres par pixel.",
    "The table has no features.": "La table n'a aucune entité.",
    "The tiles could not be assembled into one GeoTIFF ({reason}); run the download again to retry.":
        "Les tuiles n'ont pas pu être assemblées en un GeoTIFF ({reason}) ; relancez le téléchargement pour "
        "réessayer.",
    "The web browser could not be opened for the Google sign-in.":
        "Le navigateur web n'a pas pu être ouvert pour la connexion Google.",
    "The {service} sign-in did not succeed. You can close this tab and go back to QGIS.":
        "La connexion à {service} n'a pas abouti. Vous pouvez fermer cet onglet et revenir à QGIS.",
    "The {service} sign-in was refused in the browser: {reason}":
        "La connexion à {service} a été refusée dans le navigateur : {reason}",
    "The {what} cannot be read ({reason}): choose it again.": "Le {what} est illisible ({reason}) : choisissez-le de "
                                                              "nouveau.",
    "This file is a service-account key: choose “Service-account key file”.":
        "Ce fichier est une clé de compte de service : choisissez « Fichier de clé de compte de service ».",
    "This is not a valid service-account key file: a JSON key with client_email and private_key is needed (Google "
    "Cloud console ▸ IAM ▸ Service accounts ▸ Keys).":
        "Ce n'est pas un fichier de clé de compte de service valide : il faut une clé JSON avec client_email et "
        "private_key (console Google Cloud ▸ IAM ▸ Comptes de service ▸ Clés).",
    "This is not an Earth Engine credentials file (no refresh token in it): run “earthengine authenticate”, or sign "
    "in with the browser.":
        "Ce n'est pas un fichier d'identifiants Earth Engine (pas de jeton de rafraîchissement) : lancez « earthengine "
        "authenticate », ou connectez-vous avec le navigateur.",
    "This is not an Earth Engine expression.": "Ce n'est pas une expression Earth Engine.",
    "This is not an Earth Engine task name (projects/…/operations/…).":
        "Ce n'est pas un nom de tâche Earth Engine (projects/…/operations/…).",
    "This needs the Python package earthengine-api: install it from the Earth Engine panel (or with pip), then "
    "restart QGIS.":
        "Ceci demande le paquet Python earthengine-api : installez-le depuis le panneau Earth Engine (ou avec pip), "
        "puis redémarrez QGIS.",
    "To": "Vers",
    "Written by “earthengine authenticate”; its refresh token is copied to your keyring.":
        "Écrit par « earthengine authenticate » ; son jeton de rafraîchissement est copié dans votre trousseau.",
    "Your Google sign-in for Earth Engine is no longer valid ({reason}): sign in again.":
        "Votre connexion Google pour Earth Engine n'est plus valide ({reason}) : connectez-vous à nouveau.",
    "Your SEPAL session has expired: sign in to SEPAL again with your password.":
        "Votre session SEPAL a expiré : reconnectez-vous à SEPAL avec votre mot de passe.",
    "being cancelled": "en cours d'annulation",
    "cancelled": "annulée",
    "connection missing": "connexion manquante",
    "credentials file": "fichier d'identifiants",
    "done": "terminée",
    "e.g. 000000,ffffff": "par ex. 000000,ffffff",
    "e.g. B4,B3,B2": "par ex. B4,B3,B2",
    "e.g. USDOS/LSIB_SIMPLE/2017": "par ex. USDOS/LSIB_SIMPLE/2017",
    "e.g. USGS/SRTMGL1_003": "par ex. USGS/SRTMGL1_003",
    "e.g. ee_exports": "par ex. ee_exports",
    "failed": "en échec",
    "its map expired": "sa carte a expiré",
    "key file": "fichier de clé",
    "no reason given": "aucune raison donnée",
    "not refreshed": "non renouvelée",
    "running on the server": "en cours sur le serveur",
    "sign in again": "reconnexion nécessaire",
    "the layer was added": "la couche a été ajoutée",
    "the project was opened": "le projet a été ouvert",
    "users/your name": "users/votre nom",
    "waiting on the server": "en attente sur le serveur",
    "your Earth Engine Cloud project id": "l'identifiant de votre projet Cloud Earth Engine",
    "{count} features read": "{count} entités lues",
    "{count} running tasks; {added} added to Jobs.": "{count} tâches en cours ; {added} ajoutées aux tâches.",
    "{name} ({problem})": "{name} ({problem})",
    "{platform} needs the Python package {names}, which is not installed.":
        "{platform} a besoin du paquet Python {names}, qui n'est pas installé.",
    "{size} Download it?": "{size} Le télécharger ?",
    "{type}: {id}": "{type} : {id}",
    "{width} × {height} pixels, {bands} bands: about {size} before compression.":
        "{width} × {height} pixels, {bands} bandes : environ {size} avant compression.",
}
