"""uvicorn's HTTP/1.1 protocol (h11), with a deadline for each request's head.

uvicorn closes a keep-alive connection that stays idle after a response, but sets no limit
on a connection that sends nothing at all, or sends its headers a byte at a time: each
such connection would be held for ever, and enough of them fill the connection limit.
Here a connection has `head_timeout` seconds from its opening (and from the end of each
response) to deliver a request's complete head; otherwise it is closed. The body has its
own deadline in the application (kg.query.serve.app).
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.h11_impl import H11Protocol


class DeadlineProtocol(H11Protocol):
    head_timeout = 10.0  # seconds; set per server by `protocol(seconds)`

    _head_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.cycle is not None and not self.cycle.response_complete:
            self._disarm()  # a request's head has arrived; the application takes over

    def on_response_complete(self) -> None:
        self._arm()
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._head_deadline = self.loop.call_later(self.head_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _too_slow(self) -> None:
        self._head_deadline = None
        if self.cycle is None or self.cycle.response_complete:
            self.transport.close()


def protocol(head_timeout: float) -> type[DeadlineProtocol]:
    """The protocol class for a server whose clients get `head_timeout` s per request head."""
    return type("DeadlineProtocol", (DeadlineProtocol,), {"head_timeout": head_timeout})
