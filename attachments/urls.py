from django.urls import path

from attachments import apis

urlpatterns = [
    path("partners/<id:partner_id>/attachments/", apis.AttachmentListApi.as_view(), name="partner-attachments"),
    path(
        "partners/<id:partner_id>/attachments/<id:attachment_id>/",
        apis.AttachmentDetailApi.as_view(),
        name="partner-attachment",
    ),
    path(
        "partners/<id:partner_id>/attachments/<id:attachment_id>/retry/",
        apis.AttachmentRetryApi.as_view(),
        name="partner-attachment-retry",
    ),
    path(
        "partners/<id:partner_id>/attachments/<id:attachment_id>/file/",
        apis.AttachmentFileApi.as_view(),
        name="partner-attachment-file",
    ),
]
