from channels.security.websocket import OriginValidator
from django.conf import settings


class NativeClientOriginValidator(OriginValidator):
    """Refuse browser origins outside ALLOWED_HOSTS; admit handshakes with no Origin.

    Cross-site websocket hijacking needs a browser, and browsers always send
    Origin. Native mobile clients often send none, so Channels' stock
    AllowedHostsOriginValidator (which refuses a missing Origin) would lock
    them out. Those still need a valid token to get anywhere.
    """

    def __init__(self, application):
        super().__init__(application, settings.ALLOWED_HOSTS)

    def valid_origin(self, parsed_origin):
        if parsed_origin is None:
            return True
        return self.validate_origin(parsed_origin)
