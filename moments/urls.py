from django.urls import path

from moments import apis
from project.db import pooled

urlpatterns = [
    path("partners/<id:partner_id>/moments/", pooled(apis.MomentFeedApi.as_view()), name="partner-moments"),
    path("moments/<id:moment_id>/like/", apis.MomentLikeApi.as_view(), name="moment-like"),
    path("moments/<id:moment_id>/comments/", apis.MomentCommentsApi.as_view(), name="moment-comments"),
    path("selfies/<id:selfie_id>/share/", apis.SelfieShareApi.as_view(), name="selfie-share"),
]
