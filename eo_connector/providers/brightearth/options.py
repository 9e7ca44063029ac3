"""The extraction scenario's options, as the tutorial documents them, validated before anything is sent."""

from dataclasses import dataclass, field
from typing import List, Tuple

from ...core.errors import InvalidInput
from ...core.i18n import tr

SCENARIO_TYPES = ("extraction-mono",)
SOURCE_IMAGE_TYPES = ("basemap",)
BASEMAPS = {1: "ESRI World Imagery"}
OUTPUT_CRS = (3857, 4326)
VECTOR_FORMATS = ("shapefile", "geopackage")
RASTER_FORMATS = ("geotiff",)
THREE_D_FORMATS = ("3d_tiles",)
LAYERS = ("building", "tree", "road", "clutter", "dtm")


@dataclass
class ScenarioOptions:
    name: str
    scenario_type: str = "extraction-mono"
    source_image_type: str = "basemap"
    source_image_id: int = 1
    augmented: bool = False
    output_crs: int = 3857
    vector_formats: Tuple[str, ...] = ("shapefile", "geopackage")
    raster_formats: Tuple[str, ...] = ("geotiff",)
    three_d_formats: Tuple[str, ...] = ("3d_tiles",)
    dl_models: List[str] = field(default_factory=list)

    def validate(self) -> "ScenarioOptions":
        """Refuse bad input early, with the reason in words."""
        if not self.name or not self.name.strip():
            raise InvalidInput(tr("Give the scenario a name."))
        if self.scenario_type not in SCENARIO_TYPES:
            raise InvalidInput(tr("Unknown scenario type: {value}.", value=self.scenario_type))
        if self.source_image_type not in SOURCE_IMAGE_TYPES:
            raise InvalidInput(tr("Unknown source image type: {value}.", value=self.source_image_type))
        if int(self.output_crs) not in OUTPUT_CRS:
            raise InvalidInput(tr("The output CRS must be EPSG:3857 or EPSG:4326."))
        for value, allowed in ((self.vector_formats, VECTOR_FORMATS), (self.raster_formats, RASTER_FORMATS),
                               (self.three_d_formats, THREE_D_FORMATS)):
            unknown = [v for v in value if v not in allowed]
            if unknown:
                raise InvalidInput(tr("Unknown output format: {value}.", value=", ".join(unknown)))
        if not (self.vector_formats or self.raster_formats or self.three_d_formats):
            raise InvalidInput(tr("Choose at least one output format."))
        return self

    def to_body(self) -> dict:
        """The JSON body of POST .../scenarios/{scenario_type}."""
        return {
            "name": self.name.strip(),
            "source_image_type": self.source_image_type,
            "source_image_id": int(self.source_image_id),
            "augmented": bool(self.augmented),
            "output_crs": int(self.output_crs),
            "vector_formats": ",".join(self.vector_formats),
            "raster_formats": ",".join(self.raster_formats),
            "three_d_formats": ",".join(self.three_d_formats),
            "dl_models": list(self.dl_models),
        }

    def to_dict(self) -> dict:
        body = self.to_body()
        body["scenario_type"] = self.scenario_type
        return body

    @classmethod
    def from_dict(cls, data: dict) -> "ScenarioOptions":
        def as_tuple(value):
            if isinstance(value, str):
                return tuple(v.strip() for v in value.split(",") if v.strip())
            return tuple(value or ())

        return cls(
            name=data.get("name", ""),
            scenario_type=data.get("scenario_type", "extraction-mono"),
            source_image_type=data.get("source_image_type", "basemap"),
            source_image_id=int(data.get("source_image_id", 1)),
            augmented=bool(data.get("augmented", False)),
            output_crs=int(data.get("output_crs", 3857)),
            vector_formats=as_tuple(data.get("vector_formats", VECTOR_FORMATS)),
            raster_formats=as_tuple(data.get("raster_formats", RASTER_FORMATS)),
            three_d_formats=as_tuple(data.get("three_d_formats", THREE_D_FORMATS)),
            dl_models=list(data.get("dl_models") or []),
        )
