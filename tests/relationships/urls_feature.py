"""A URLconf with a view behind `requires_feature("moments")`, until the Moments feed exists."""

from django.urls import include, path
from rest_framework.response import Response
from rest_framework.views import APIView

from relationships.progression.features import requires_feature


class MomentsProbeApi(APIView):
    permission_classes = [requires_feature("moments")]

    def get(self, request, partner_id):
        return Response({"ok": True})


urlpatterns = [
    path("api/partners/<int:partner_id>/moments-probe/", MomentsProbeApi.as_view()),
    path("", include("project.urls")),
]
