import datetime

from django.utils.dateparse import parse_datetime
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response


class CreatedCursorPagination(CursorPagination):
    """Newest first, stable under inserts; every list endpoint uses it."""

    ordering = ("-created_at", "-id")
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def decode_cursor(self, request):
        # A cursor is client input: its position must be a datetime the database
        # can compare, or the client gets the same 404 as for any bad cursor.
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None:
            try:
                position = parse_datetime(cursor.position)
                if position is None or position.tzinfo is None:
                    raise ValueError
                position.astimezone(datetime.UTC)
                if not 1 < position.year < 9999:
                    raise ValueError
            except (ValueError, OverflowError):
                raise NotFound(self.invalid_cursor_message) from None
        return cursor


def paginated_response(*, request, view, queryset, serializer_class) -> Response:
    """One page of `queryset`, newest first, serialized, with `next` and `previous` links.

    The view sets `pagination_class = CreatedCursorPagination` too, so the schema shows
    the list as paginated.
    """
    paginator = CreatedCursorPagination()
    page = paginator.paginate_queryset(queryset, request, view=view)
    return paginator.get_paginated_response(serializer_class(page, many=True).data)
