"""The base of every REST view: the query string is input like any other.

`class SomethingApi(ApiView)` is all a view needs. Its GET (and HEAD) query is validated by
`query_serializer_class` (a `StrictInputMixin` serializer: unknown or repeated parameters are a
400), or by `CursorQuerySerializer` when the view is paginated; every other method, and a GET
without one, takes no query parameters at all. The validated query is `self.query`.
`project.api.schema.AutoSchema` documents the same serializer as the operation's parameters,
so what the schema allows and what the view accepts cannot drift apart.
"""

from rest_framework.views import APIView

from project.api.serializers import CursorQuerySerializer, NoQuerySerializer

QUERY_METHODS = ("GET", "HEAD")


def query_serializer_for(view, method: str):
    if method.upper() not in QUERY_METHODS:
        return NoQuerySerializer
    declared = getattr(view, "query_serializer_class", None)
    if declared is not None:
        return declared
    if getattr(view, "pagination_class", None) is not None:
        return CursorQuerySerializer
    return NoQuerySerializer


class ApiView(APIView):
    query_serializer_class = None  # GET's query; None: the cursor's if paginated, else none
    query: dict

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # authentication, permissions, throttles first
        if not hasattr(self, request.method.lower()):
            return  # dispatch answers 405 (with Allow), whatever the query says
        serializer = query_serializer_for(self, request.method)(data=request.query_params)
        serializer.is_valid(raise_exception=True)
        self.query = serializer.validated_data
