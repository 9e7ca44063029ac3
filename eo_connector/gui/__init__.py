"""The dock panel and its dialogs. Layout lives in resources/ui/*.ui; every text is set from code through tr()."""
