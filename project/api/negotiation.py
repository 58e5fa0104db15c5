from rest_framework.negotiation import BaseContentNegotiation


class BinaryContentNegotiation(BaseContentNegotiation):
    """For views that answer with a file (an image) and errors in JSON.

    The view builds its own file response; errors are rendered by the first
    renderer (JSON) whatever the client's Accept says, so `Accept: image/*`
    never turns an error into a 406.
    """

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
