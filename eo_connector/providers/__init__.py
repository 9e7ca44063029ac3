"""One package per platform (its client, sign-in, operations and the mapping to core models), each with a
`platform` module whose PLATFORM implements core.platform.Platform; `registry` finds them. No qgis or Qt import."""
