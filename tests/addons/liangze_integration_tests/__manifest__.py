{
    "name": "Liangze integration tests",
    "version": "19.0.1.0.0",
    "author": "liangze",
    "depends": [
        "liangze_responsibility",
        "liangze_supervision",
        "liangze_accountability",
        "liangze_integrity",
        "liangze_discipline",
    ],
    "license": "AGPL-3",
    "installable": True,
}
