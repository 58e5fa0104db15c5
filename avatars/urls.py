from django.urls import path

from avatars import apis

urlpatterns = [
    path("avatars/catalog/", apis.AvatarCatalogApi.as_view(), name="avatar-catalog"),
    path("partners/<id:partner_id>/avatar/", apis.PartnerAvatarApi.as_view(), name="partner-avatar"),
    path("partners/<id:partner_id>/avatar.png", apis.PartnerAvatarImageApi.as_view(), name="partner-avatar-image"),
    path("selfies/destinations/", apis.DestinationListApi.as_view(), name="selfie-destinations"),
    path("partners/<id:partner_id>/selfies/", apis.PartnerSelfieListApi.as_view(), name="partner-selfies"),
    path("selfies/<id:selfie_id>/", apis.SelfieDetailApi.as_view(), name="selfie-detail"),
    path("selfies/<id:selfie_id>/image.jpg", apis.SelfieImageApi.as_view(), name="selfie-image"),
]
