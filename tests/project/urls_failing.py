"""A URLconf with a view that fails, to see what a client gets from an unexpected error."""

from django.urls import include, path
from rest_framework.views import APIView


class FailingApi(APIView):
    authentication_classes: list = []
    permission_classes: list = []

    def get(self, request):
        raise RuntimeError("unexpected")


urlpatterns = [
    path("api/failing/", FailingApi.as_view()),
    path("", include("project.urls")),
]

handler500 = "project.api.errors.server_error"
