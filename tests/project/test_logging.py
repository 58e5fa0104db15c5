import logging

from project.logging import StripQueryStrings


def record(msg, *args):
    return logging.LogRecord("uvicorn.error", logging.INFO, __file__, 1, msg, args, None)


def test_query_strings_are_stripped_from_uvicorn_handshake_lines():
    entry = record('%s - "WebSocket %s" [accepted]', "127.0.0.1:5000", "/ws/chat/1/?token=SECRET.JWT")
    assert StripQueryStrings().filter(entry)
    assert entry.getMessage() == '127.0.0.1:5000 - "WebSocket /ws/chat/1/" [accepted]'


def test_messages_without_a_query_are_untouched():
    entry = record("Application startup %s", "complete")
    StripQueryStrings().filter(entry)
    assert (entry.msg, entry.args) == ("Application startup %s", ("complete",))


def test_uvicorn_loggers_write_through_the_filtered_json_handler():
    from django.conf import settings

    loggers = settings.LOGGING["loggers"]
    assert loggers["uvicorn.error"]["handlers"] == [] and loggers["uvicorn.error"]["propagate"]
    assert loggers["uvicorn.error"]["level"] == settings.LOGGING["root"]["level"]
    assert loggers["uvicorn.access"]["propagate"] is False  # RequestLogMiddleware logs requests
    assert "no_query_strings" in settings.LOGGING["handlers"]["console"]["filters"]
