"""What an avatar can be made of: the layers, their options and colours, as data.

A config names one option (and, where the option has colours, one colour) per layer
kind: `{"body": {"option": "average", "colour": "tone3"}, "face": {...}, ...}`.
`validate_config` is the only way a config from a client becomes one we store or draw.
"""

import copy
from typing import Any

EXPRESSIONS = ("neutral", "happy", "sad", "surprised", "love", "sleepy")
SIZES = (256, 512, 1024)


class AvatarConfigError(ValueError):
    def __init__(self, fields: dict[str, list[str]], *, policy: bool = False):
        super().__init__(fields)
        self.fields = fields
        self.policy = policy  # a catalog choice this account may not make (a minor's outfit)


def _palette(*entries: tuple[str, str, str]) -> list[dict]:
    return [{"code": code, "name": name, "hex": hex_} for code, name, hex_ in entries]


SKIN_TONES = _palette(
    ("tone1", "Porcelain", "#FBE3D6"),
    ("tone2", "Fair", "#F3CFB3"),
    ("tone3", "Light", "#E8B894"),
    ("tone4", "Medium", "#D19A72"),
    ("tone5", "Olive", "#B98A5E"),
    ("tone6", "Tan", "#A06A45"),
    ("tone7", "Brown", "#7D4B2E"),
    ("tone8", "Deep", "#5A3420"),
)
EYE_COLOURS = _palette(
    ("brown", "Brown", "#6B3E1F"),
    ("dark_brown", "Dark brown", "#3B2314"),
    ("hazel", "Hazel", "#8E7035"),
    ("green", "Green", "#4A8A4F"),
    ("blue", "Blue", "#3F7FC4"),
    ("grey", "Grey", "#7C8C99"),
    ("amber", "Amber", "#C98A1B"),
)
HAIR_COLOURS = _palette(
    ("black", "Black", "#1E1B1A"),
    ("dark_brown", "Dark brown", "#3D2618"),
    ("brown", "Brown", "#6E4326"),
    ("auburn", "Auburn", "#8C3B1E"),
    ("red", "Red", "#B9471F"),
    ("blonde", "Blonde", "#E2BF73"),
    ("platinum", "Platinum", "#EDE4D0"),
    ("grey", "Grey", "#9C9A98"),
    ("pink", "Pastel pink", "#F29CC3"),
    ("blue", "Electric blue", "#3E8EF0"),
    ("lilac", "Lilac", "#B39DDB"),
)
OUTFIT_COLOURS = _palette(
    ("red", "Red", "#C8363C"),
    ("coral", "Coral", "#F07B63"),
    ("mustard", "Mustard", "#D9A62E"),
    ("forest", "Forest green", "#2F6B4A"),
    ("teal", "Teal", "#2A9D8F"),
    ("navy", "Navy", "#27385E"),
    ("lavender", "Lavender", "#A48BD0"),
    ("pink", "Pink", "#EE8FB5"),
    ("charcoal", "Charcoal", "#3A3C42"),
    ("cream", "Cream", "#EFE6D2"),
)
ACCESSORY_COLOURS = _palette(
    ("black", "Black", "#222326"),
    ("gold", "Gold", "#D4A93A"),
    ("silver", "Silver", "#BFC5CC"),
    ("red", "Red", "#C8363C"),
    ("navy", "Navy", "#27385E"),
    ("tortoise", "Tortoiseshell", "#7A4A24"),
    ("pink", "Pink", "#EE8FB5"),
    ("white", "White", "#F4F2EE"),
)


def _options(colours: list[dict], *entries: tuple[str, str]) -> list[dict]:
    return [{"code": code, "name": name, "colours": colours} for code, name in entries]


def _outfit(code: str, name: str, *, modest: bool) -> dict:
    return {"code": code, "name": name, "colours": OUTFIT_COLOURS, "modest": modest}


# Drawing order, back to front. Colours are per option (options of a kind share a
# palette); an option with no colours ("bald", no accessory) takes colour None.
LAYERS: list[dict] = [
    {
        "kind": "body",
        "options": _options(
            SKIN_TONES, ("slim", "Slim"), ("average", "Average"), ("broad", "Broad")
        ),
    },
    {
        "kind": "face",
        "options": _options(
            [], ("oval", "Oval"), ("round", "Round"), ("heart", "Heart"), ("square", "Square")
        ),
    },
    {
        "kind": "eyes",
        "options": _options(
            EYE_COLOURS, ("round", "Round"), ("almond", "Almond"), ("sleepy", "Sleepy-lidded")
        ),
    },
    {
        "kind": "hair",
        "options": [
            *_options(
                HAIR_COLOURS,
                ("short", "Short"),
                ("long", "Long"),
                ("bob", "Bob"),
                ("curly", "Curly"),
                ("ponytail", "Ponytail"),
                ("bun", "Top bun"),
                ("buzz", "Buzz cut"),
            ),
            {"code": "bald", "name": "Bald", "colours": []},
        ],
    },
    {
        "kind": "outfit",
        "options": [
            _outfit("hoodie", "Hoodie", modest=True),
            _outfit("tshirt", "T-shirt", modest=True),
            _outfit("sweater", "Sweater", modest=True),
            _outfit("dress", "Dress", modest=True),
            _outfit("suit", "Suit", modest=True),
            _outfit("tank_top", "Tank top", modest=True),
            _outfit("swimwear", "Swimwear", modest=False),
            _outfit("low_cut", "Low-cut top", modest=False),
        ],
    },
    {
        "kind": "accessory",
        "options": [
            {"code": "none", "name": "None", "colours": []},
            *_options(
                ACCESSORY_COLOURS,
                ("glasses", "Glasses"),
                ("sunglasses", "Sunglasses"),
                ("earrings", "Earrings"),
                ("hat", "Beanie"),
                ("scarf", "Scarf"),
            ),
        ],
    },
]
KINDS = tuple(layer["kind"] for layer in LAYERS)

# Keeps the colour, and the silhouette as close as a modest option allows.
MODEST_INSTEAD = {"swimwear": "tank_top", "low_cut": "tshirt"}

DEFAULT_CONFIG = {
    "body": {"option": "average", "colour": "tone3"},
    "face": {"option": "oval", "colour": None},
    "eyes": {"option": "almond", "colour": "brown"},
    "hair": {"option": "short", "colour": "brown"},
    "outfit": {"option": "hoodie", "colour": "teal"},
    "accessory": {"option": "none", "colour": None},
}

_OPTIONS = {layer["kind"]: {o["code"]: o for o in layer["options"]} for layer in LAYERS}


def catalog() -> dict:
    """The catalog as the API serves it; a fresh copy, safe to mutate."""
    return {
        "layers": copy.deepcopy(LAYERS),
        "expressions": list(EXPRESSIONS),
        "sizes": list(SIZES),
    }


def default_config() -> dict:
    return copy.deepcopy(DEFAULT_CONFIG)


def option(kind: str, code: str) -> dict:
    return _OPTIONS[kind][code]


def colour_hex(kind: str, config: dict) -> str | None:
    """The hex of the layer's chosen colour in a normalised config."""
    chosen = config[kind]
    for colour in option(kind, chosen["option"])["colours"]:
        if colour["code"] == chosen["colour"]:
            return colour["hex"]
    return None


def _layer(kind: str, value: Any) -> tuple[dict, list[str]]:
    """One layer's choice, normalised, and what is wrong with it."""
    if not isinstance(value, dict):
        return {}, ["Must be an object with an option and a colour."]
    errors = []
    unknown = sorted(set(value) - {"option", "colour"})
    if unknown:
        errors.append(f"Unknown keys: {', '.join(map(str, unknown))}.")
    default = DEFAULT_CONFIG[kind]
    if "option" not in value:
        return {}, [*errors, "option is required: a kind that is given names its option."]
    code = value["option"]
    if not isinstance(code, str):
        return {}, [*errors, "option must be a string."]
    chosen = _OPTIONS[kind].get(code)
    if chosen is None:
        return {}, [*errors, f"Unknown {kind} option {code!r}."]
    codes = [c["code"] for c in chosen["colours"]]
    if "colour" in value:
        colour = value["colour"]
    else:
        colour = default["colour"] if default["colour"] in codes else (codes[0] if codes else None)
    if colour is not None and not isinstance(colour, str):
        errors.append("colour must be a string or null.")
    elif codes and colour is None:
        errors.append(f"{kind} {code!r} needs a colour.")
    elif codes and colour not in codes:
        errors.append(f"Unknown colour {colour!r} for {kind} {code!r}.")
    elif not codes and colour is not None:
        errors.append(f"{kind} {code!r} takes no colour.")
    return {"option": code, "colour": colour}, errors


def validate_config(data: Any, *, minor: bool) -> dict:
    """The full, normalised config for `data`, kinds it leaves out taken from the default.

    Raises AvatarConfigError with messages per layer kind; a minor may not choose an
    outfit that is not modest.
    """
    if not isinstance(data, dict):
        raise AvatarConfigError({"non_field_errors": ["Must be an object keyed by layer kind."]})
    fields: dict[str, list[str]] = {}
    for key in data:
        if key not in _OPTIONS:
            fields[str(key)] = ["Unknown layer kind."]
    config = default_config()
    for kind in KINDS:
        if kind not in data:
            continue
        layer, errors = _layer(kind, data[kind])
        if errors:
            fields[kind] = errors
        else:
            config[kind] = layer
    if (
        minor
        and "outfit" not in fields
        and not option("outfit", config["outfit"]["option"])["modest"]
    ):
        fields["outfit"] = ["This outfit is not available on this account."]
        if len(fields) == 1:
            raise AvatarConfigError(fields, policy=True)
    if fields:
        raise AvatarConfigError(fields)
    return config


def modest_config(config: dict) -> dict:
    """`config` with a non-modest outfit swapped for its modest counterpart, colour kept.

    Applied at render time for minors, so a config saved before a rule changed is safe too.
    """
    code = config["outfit"]["option"]
    if option("outfit", code)["modest"]:
        return config
    swapped = copy.deepcopy(config)
    swapped["outfit"]["option"] = MODEST_INSTEAD[code]
    return swapped


def config_schema() -> dict:
    """The JSON schema of a config a client may send, exactly as `validate_config` takes it:
    per kind, an option and the colours that option has (null, or left out, where it has none)."""
    kinds = {}
    for layer in LAYERS:
        groups: dict[tuple, list[str]] = {}
        for choice in layer["options"]:
            groups.setdefault(tuple(c["code"] for c in choice["colours"]), []).append(choice["code"])
        variants = []
        for colours, codes in groups.items():
            colour = {"type": "string", "enum": list(colours)} if colours else {"nullable": True, "enum": [None]}
            variants.append({
                "type": "object",
                "properties": {"option": {"type": "string", "enum": codes}, "colour": colour},
                "required": ["option"],
                "additionalProperties": False,
            })
        kinds[layer["kind"]] = {"oneOf": variants} if len(variants) > 1 else variants[0]
    return {
        "type": "object",
        "properties": kinds,
        "additionalProperties": False,
        "description": "One choice per layer kind (GET /api/avatars/catalog/); kinds left out keep the default.",
    }
