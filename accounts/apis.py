from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from project.api.views import ApiView
from rest_framework_simplejwt import views as jwt_views
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer

from accounts.serializers import (
    DeviceDeleteSerializer,
    EraseSerializer,
    RegisteredSerializer,
    DeviceInputSerializer,
    DeviceSerializer,
    ProfileUpdateSerializer,
    RegisterSerializer,
    UserSerializer,
)
from accounts.services import device_register, device_unregister, user_register, user_update_profile
from accounts.throttles import LoginAccountThrottle
from accounts.tokens import RotatingRefreshSerializer
from project.api.schema import errors
from project.api.serializers import ErrorSerializer
from project.errors import UNPROCESSABLE
from safety.data_rights import user_erase, user_export
from safety.disclosure import SIGNUP_NOTICE


class RegisterApi(ApiView):
    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth.register"

    @extend_schema(
        request=RegisterSerializer,
        responses={201: RegisteredSerializer, **errors(422, 429)},
        tags=["auth"],
    )
    def post(self, request):
        """Sign up. The answer carries `notice`, to be shown: partners are AI, and companion
        chatbots may not be suitable for some minors."""
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = user_register(**serializer.validated_data)
        return Response({**UserSerializer(user).data, "notice": SIGNUP_NOTICE}, status=status.HTTP_201_CREATED)


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()


@extend_schema_view(
    post=extend_schema(
        tags=["auth"],
        request=TokenObtainPairSerializer,
        responses={
            200: TokenPairSerializer,
            400: ErrorSerializer,
            401: ErrorSerializer,
            429: ErrorSerializer,
        },
    )
)
class TokenObtainApi(jwt_views.TokenObtainPairView):
    """Exchange username and password for an access token (15 min) and a refresh token."""

    throttle_classes = [ScopedRateThrottle, LoginAccountThrottle]
    throttle_scope = "auth.client"


@extend_schema_view(
    post=extend_schema(
        tags=["auth"],
        request=RotatingRefreshSerializer,
        responses={
            200: TokenPairSerializer,
            400: ErrorSerializer,
            401: ErrorSerializer,
            429: ErrorSerializer,
        },
    )
)
class TokenRefreshApi(jwt_views.TokenRefreshView):
    """Trade a refresh token for a new pair; the one presented works exactly once."""

    serializer_class = RotatingRefreshSerializer
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth.client"


class MeApi(ApiView):
    @extend_schema(responses={200: UserSerializer, 401: ErrorSerializer}, tags=["account"])
    def get(self, request):
        return Response(UserSerializer(request.user).data)

    @extend_schema(
        request=ProfileUpdateSerializer,
        responses={200: UserSerializer, **errors(422)},
        tags=["account"],
    )
    def patch(self, request):
        serializer = ProfileUpdateSerializer(request.user, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        user = user_update_profile(user=request.user, **serializer.validated_data)
        return Response(UserSerializer(user).data)

    @extend_schema(
        request=EraseSerializer,
        responses={204: None, **errors(422)},
        tags=["account"],
    )
    def delete(self, request):
        """Erase your account and everything Hearth holds about you, at once and for good.
        Confirm with your password. Your tokens stop working immediately."""
        serializer = EraseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if not request.user.check_password(serializer.validated_data["password"]):
            raise serializers.ValidationError({"password": ["The password is not right."]}, code=UNPROCESSABLE)
        user_erase(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ExportApi(ApiView):
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth.client"

    @extend_schema(responses={200: OpenApiTypes.OBJECT, 401: ErrorSerializer, 429: ErrorSerializer}, tags=["account"])
    def get(self, request):
        """Everything Hearth holds about you, as JSON: profile, partners, retained messages,
        moods, memories, XP ledger, Moments interactions, selfies (as expiring links)."""
        response = Response(user_export(user=request.user))
        response["Content-Disposition"] = 'attachment; filename="hearth-export.json"'
        response["Cache-Control"] = "no-store"
        return response


class DeviceApi(ApiView):
    @extend_schema(
        request=DeviceInputSerializer,
        responses={201: DeviceSerializer, 400: ErrorSerializer, 401: ErrorSerializer},
        tags=["account"],
    )
    def post(self, request):
        """Register this device for push notifications (sent when no socket of yours is open)."""
        serializer = DeviceInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        device = device_register(user=request.user, **serializer.validated_data)
        return Response(DeviceSerializer(device).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=DeviceDeleteSerializer,
        responses={204: None, 400: ErrorSerializer, 401: ErrorSerializer, 404: ErrorSerializer},
        tags=["account"],
    )
    def delete(self, request):
        """Stop push notifications to this device (the token in the body, never the URL)."""
        serializer = DeviceDeleteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if not device_unregister(user=request.user, token=serializer.validated_data["token"]):
            raise NotFound("No such device.")
        return Response(status=status.HTTP_204_NO_CONTENT)
