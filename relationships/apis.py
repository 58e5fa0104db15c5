from django.conf import settings
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from project.api.views import ApiView

from project.api.pagination import CreatedCursorPagination, paginated_response
from project.api.schema import errors
from project.api.serializers import ErrorSerializer
from relationships.chat.selectors import message_list_for
from relationships.partners.selectors import partner_get_for, partner_list_for
from relationships.progression.selectors import (
    ladder,
    relationship_get_for,
    relationship_progress,
    xp_events_for,
)
from relationships.memory.selectors import memory_get_for, memory_list_for
from relationships.mood.selectors import mood_timeline_for
from relationships.serializers import (
    LevelSerializer,
    MemoryInputSerializer,
    MemorySerializer,
    MoodDaySerializer,
    MoodQuerySerializer,
    MessageSerializer,
    PartnerInputSerializer,
    PartnerSerializer,
    RelationshipProgressSerializer,
    XPEventSerializer,
)
from relationships.partners.services import partner_create, partner_delete, partner_update
from relationships.memory.services import memory_delete, memory_update



class PartnerListApi(ApiView):
    pagination_class = CreatedCursorPagination  # also tells the schema the list is paginated
    @extend_schema(
        responses={200: PartnerSerializer(many=True), 401: ErrorSerializer},
        tags=["partners"],
    )
    def get(self, request):
        return paginated_response(
            request=request, view=self, queryset=partner_list_for(user=request.user), serializer_class=PartnerSerializer
        )

    @extend_schema(
        request=PartnerInputSerializer,
        responses={201: PartnerSerializer, **errors(409, 422)},
        tags=["partners"],
    )
    def post(self, request):
        serializer = PartnerInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        partner = partner_create(owner=request.user, **serializer.validated_data)
        return Response(PartnerSerializer(partner).data, status=status.HTTP_201_CREATED)


class PartnerDetailApi(ApiView):
    @extend_schema(
        responses={200: PartnerSerializer, 401: ErrorSerializer, 404: ErrorSerializer},
        tags=["partners"],
    )
    def get(self, request, partner_id: int):
        partner = partner_get_for(user=request.user, partner_id=partner_id)
        return Response(PartnerSerializer(partner).data)

    @extend_schema(
        request=PartnerInputSerializer(partial=True),
        responses={200: PartnerSerializer, **errors(422)},
        tags=["partners"],
    )
    def patch(self, request, partner_id: int):
        partner = partner_get_for(user=request.user, partner_id=partner_id)
        serializer = PartnerInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        partner = partner_update(partner=partner, **serializer.validated_data)
        return Response(PartnerSerializer(partner).data)

    @extend_schema(
        responses={204: None, 401: ErrorSerializer, 404: ErrorSerializer}, tags=["partners"]
    )
    def delete(self, request, partner_id: int):
        partner = partner_get_for(user=request.user, partner_id=partner_id)
        partner_delete(partner=partner)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MessageListApi(ApiView):
    pagination_class = CreatedCursorPagination

    @extend_schema(
        responses={200: MessageSerializer(many=True), 401: ErrorSerializer, 404: ErrorSerializer},
        tags=["chat"],
    )
    def get(self, request, partner_id: int):
        """The conversation with one of your partners, newest first. Chat itself is a websocket."""
        messages = message_list_for(user=request.user, partner_id=partner_id)
        return paginated_response(request=request, view=self, queryset=messages, serializer_class=MessageSerializer)


class RelationshipApi(ApiView):
    @extend_schema(
        responses={200: RelationshipProgressSerializer, 401: ErrorSerializer, 404: ErrorSerializer},
        tags=["progression"],
    )
    def get(self, request, partner_id: int):
        """Level, hearts, XP and what is unlocked with one of your partners."""
        relationship = relationship_get_for(user=request.user, partner_id=partner_id)
        progress = relationship_progress(
            relationship=relationship,
            daily_cap=settings.PROGRESSION_DAILY_XP_CAP,
            today=timezone.now().date(),
        )
        return Response(RelationshipProgressSerializer(progress).data)


class LevelListApi(ApiView):
    @extend_schema(responses={200: LevelSerializer(many=True), 401: ErrorSerializer}, tags=["progression"])
    def get(self, request):
        """The intimacy ladder, lowest level first."""
        return Response(LevelSerializer(ladder(minor=request.user.is_minor), many=True).data)


class XPEventListApi(ApiView):
    pagination_class = CreatedCursorPagination

    @extend_schema(
        responses={200: XPEventSerializer(many=True), 401: ErrorSerializer, 404: ErrorSerializer},
        tags=["progression"],
    )
    def get(self, request, partner_id: int):
        """The relationship's XP ledger, newest first."""
        events = xp_events_for(user=request.user, partner_id=partner_id)
        return paginated_response(request=request, view=self, queryset=events, serializer_class=XPEventSerializer)


class MemoryListApi(ApiView):
    pagination_class = CreatedCursorPagination

    @extend_schema(
        responses={200: MemorySerializer(many=True), 401: ErrorSerializer, 404: ErrorSerializer},
        tags=["memory"],
    )
    def get(self, request, partner_id: int):
        """What the partner remembers about you, newest first; each names the message it came from."""
        memories = memory_list_for(user=request.user, partner_id=partner_id)
        return paginated_response(request=request, view=self, queryset=memories, serializer_class=MemorySerializer)


class MemoryDetailApi(ApiView):
    @extend_schema(
        request=MemoryInputSerializer,
        responses={200: MemorySerializer, **errors(422)},
        tags=["memory"],
    )
    def patch(self, request, partner_id: int, memory_id: int):
        """Correct a memory: a short statement about you (instructions are refused, 422).
        Without `text` nothing changes."""
        memory = memory_get_for(user=request.user, partner_id=partner_id, memory_id=memory_id)
        serializer = MemoryInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if "text" in serializer.validated_data:
            memory = memory_update(memory=memory, text=serializer.validated_data["text"])
        return Response(MemorySerializer(memory).data)

    @extend_schema(responses={204: None, 401: ErrorSerializer, 404: ErrorSerializer}, tags=["memory"])
    def delete(self, request, partner_id: int, memory_id: int):
        """Forget it: it leaves the partner's prompts at once."""
        memory_delete(memory=memory_get_for(user=request.user, partner_id=partner_id, memory_id=memory_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class MoodTimelineApi(ApiView):
    query_serializer_class = MoodQuerySerializer

    @extend_schema(responses={200: MoodDaySerializer(many=True)}, tags=["memory"])
    def get(self, request, partner_id: int):
        """Your mood in this conversation per day (your time zone), oldest first."""
        timeline = mood_timeline_for(user=request.user, partner_id=partner_id, days=self.query["days"])
        return Response(MoodDaySerializer(timeline, many=True).data)
