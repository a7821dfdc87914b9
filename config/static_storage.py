"""Static files for production: WhiteNoise's compressed manifest storage (hashed names, long cache).

Vendored libraries (static/vendor/) keep their `sourceMappingURL` comments but ship without the .map
files; Django's manifest storage would stop `collectstatic` on them. Source-map comments are therefore
left as they are (browsers only fetch maps with the developer tools open); every other reference
(url(), @import) is still rewritten to its hashed name and still checked.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    def keep(pattern):
        regex = pattern if isinstance(pattern, str) else pattern[0]
        return "sourceMappingURL" not in regex

    return tuple((glob, tuple(p for p in rules if keep(p))) for glob, rules in patterns)


class StaticStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)
