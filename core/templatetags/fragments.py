"""{% cached_fragment masterplan "name" vary… %}…{% endcached_fragment %}: a part of a template kept by
core.fragments.cached_fragment (keyed by the masterplan's content version, the language, the name and the
`vary` values: pass `access` when the part shows buttons, `request.GET` when it follows the page's filters)."""

from django import template

from core.fragments import CSRF_PLACEHOLDER, cached_fragment

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, masterplan, name, vary):
        self.nodelist, self.masterplan, self.name, self.vary = nodelist, masterplan, name, vary

    def render(self, context):
        masterplan = self.masterplan.resolve(context)
        name = self.name.resolve(context)
        vary = [value.resolve(context) for value in self.vary]

        def render():
            with context.push(csrf_token=CSRF_PLACEHOLDER):
                return self.nodelist.render(context)

        return cached_fragment(masterplan, name, render, vary=vary, csrf_token=lambda: context.get("csrf_token", ""))


@register.tag("cached_fragment")
def do_cached_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a masterplan and a name")
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    masterplan, name, *vary = (parser.compile_filter(bit) for bit in bits[1:])
    return CachedFragmentNode(nodelist, masterplan, name, vary)
