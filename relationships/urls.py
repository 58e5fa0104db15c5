from django.urls import path

from project.db import pooled
from relationships import apis

# The hot endpoints (each app open, each conversation screen) run on the database pool.
urlpatterns = [
    path("partners/", pooled(apis.PartnerListApi.as_view()), name="partner-list"),
    path("partners/<id:partner_id>/", apis.PartnerDetailApi.as_view(), name="partner-detail"),
    path(
        "partners/<id:partner_id>/relationship/",
        pooled(apis.RelationshipApi.as_view()),
        name="partner-relationship",
    ),
    path(
        "partners/<id:partner_id>/relationship/events/",
        apis.XPEventListApi.as_view(),
        name="partner-relationship-events",
    ),
    path("levels/", apis.LevelListApi.as_view(), name="levels"),
    path("partners/<id:partner_id>/memories/", apis.MemoryListApi.as_view(), name="partner-memories"),
    path(
        "partners/<id:partner_id>/memories/<id:memory_id>/",
        apis.MemoryDetailApi.as_view(),
        name="partner-memory",
    ),
    path("partners/<id:partner_id>/mood/", apis.MoodTimelineApi.as_view(), name="partner-mood"),
    path(
        "partners/<id:partner_id>/messages/",
        pooled(apis.MessageListApi.as_view()),
        name="partner-messages",
    ),
]
