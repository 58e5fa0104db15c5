from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from project import media
from project.api import errors
from project.api.converters import converters_register
from project.health import HealthzApi, ReadyzApi
from safety.views import protocol_page

converters_register()  # before the apps' routes use <id:...>

api_patterns = [
    path("", include("accounts.urls")),
    path("", include("relationships.urls")),
    path("", include("moments.urls")),
    path("", include("avatars.urls")),
    path("", include("attachments.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    # Every other path under /api/, whatever the method, is the JSON 404 (no CSRF page).
    re_path(r"^.*$", errors.api_not_found),
]

urlpatterns = [
    path("healthz", HealthzApi.as_view(), name="healthz"),
    path("readyz", ReadyzApi.as_view(), name="readyz"),
    path("admin/", admin.site.urls),
    # The crisis protocol, public (SB 243).
    path("safety/protocol/", protocol_page, name="crisis-protocol"),
    # A small client of the public API and socket, for trying Hearth in a browser.
    path("demo/", TemplateView.as_view(template_name="demo.html"), name="demo"),
    path("api/", include(api_patterns)),
    # Private media by signed, expiring URL only (project/media.py).
    path("media/<str:token>/", media.media_serve, name="media"),
]

handler400 = errors.bad_request
handler403 = errors.permission_denied
handler404 = errors.not_found
handler500 = errors.server_error
