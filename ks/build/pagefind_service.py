"""A small synchronous client for Pagefind's service mode (`pagefind --service`).

The Pagefind binary (PyPI `pagefind[bin]`) indexes pages handed to it one by one while MkDocs is still
building the next ones, in its own process and so on the second core; at the end of the build it only
writes the bundle. The protocol is Pagefind's own (as in its Python package): requests and answers are
base64-encoded JSON objects, each followed by a comma, on the process's stdin and stdout.
"""
from __future__ import annotations

import base64
import json
import queue
import subprocess
import tempfile
import threading

WAIT = 120  # seconds without any answer from a running Pagefind before the build gives up


def executable() -> str:
    """The Pagefind binary that `pip install pagefind[bin]` put beside this Python."""
    try:
        from pagefind_bin import get_executable  # not pagefind.service: that imports asyncio
    except ImportError:
        raise RuntimeError("Pagefind ontbreekt: installeer het met `pip install -r requirements.txt`") from None
    return str(get_executable())


class PagefindService:
    """One running `pagefind --service` with one index in it."""

    def __init__(self, config: dict):
        self._errors = tempfile.TemporaryFile()  # stderr apart: a message there is no protocol message
        try:
            self._proc = subprocess.Popen([executable(), "--service"], stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, stderr=self._errors)
        except OSError as exc:
            self._errors.close()
            raise RuntimeError(f"Pagefind start niet: {exc}") from None
        self._answers: dict[int, dict] = {}
        self._done = threading.Condition()
        self._last = 0
        self._closed = False
        self._failure = ""
        self._outbox: queue.SimpleQueue = queue.SimpleQueue()
        threading.Thread(target=self._read, daemon=True, name="pagefind-answers").start()
        threading.Thread(target=self._write, daemon=True, name="pagefind-requests").start()
        try:
            self.index_id = self.ask({"type": "NewIndex", "config": config})["index_id"]
        except RuntimeError:
            self.close()
            raise

    def _read(self) -> None:
        buffer = b""
        try:
            while chunk := self._proc.stdout.read1(1 << 16):
                buffer += chunk
                *messages, buffer = buffer.split(b",")
                for raw in messages:
                    answer = json.loads(base64.b64decode(raw))
                    if not isinstance(answer, dict):
                        continue  # Pagefind sends an empty message now and then
                    number = answer.get("message_id")
                    payload = answer.get("payload") or {}
                    if number is None:  # an error about a request it could not read names that request
                        original = payload.get("original_message")
                        number = json.loads(original).get("message_id") if original else None
                    with self._done:
                        if number is None:
                            self._failure = str(payload.get("message") or payload)
                        else:
                            self._answers[number] = payload
                        self._done.notify_all()
        except (ValueError, TypeError, AttributeError) as exc:
            self._failure = f"onleesbaar antwoord ({exc})"
        finally:
            with self._done:
                self._closed = True
                self._done.notify_all()

    def _write(self) -> None:
        while (message := self._outbox.get()) is not None:
            try:
                self._proc.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
                self._proc.stdin.flush()
            except (BrokenPipeError, ValueError, OSError):  # the process ended: answer() reports it
                return
        try:
            self._proc.stdin.close()
        except OSError:
            pass

    def send(self, payload: dict) -> int:
        """Queue one request and return at once with its number; a writer thread feeds Pagefind, so
        the build never waits for it (answers are collected by a reader thread)."""
        self._last += 1
        self._outbox.put({"message_id": self._last, "payload": payload})
        return self._last

    def _stopped(self) -> str:
        self._errors.seek(0)
        said = self._errors.read().decode("utf-8", "replace").strip()[-1500:]
        return "Pagefind is onverwacht gestopt" + (f": {self._failure}" if self._failure else "") + \
            (f"\n{said}" if said else "")

    def answer(self, number: int) -> dict:
        """Wait for the answer to request `number`; an error answer, or a Pagefind that stopped or
        stays silent for WAIT seconds, raises RuntimeError."""
        with self._done:
            if not self._done.wait_for(lambda: number in self._answers or self._closed, timeout=WAIT):
                raise RuntimeError(f"Pagefind antwoordt niet binnen {WAIT} s")
            if number not in self._answers:
                raise RuntimeError(self._stopped())
            payload = self._answers.pop(number)
        if payload.get("type") == "Error":
            raise RuntimeError(f"Pagefind: {payload.get('message')}")
        return payload

    def ask(self, payload: dict) -> dict:
        """Send one request and wait for its answer."""
        return self.answer(self.send(payload))

    def add_page(self, url: str, html: str) -> int:
        """Hand one built page to the index (answered later; see answer())."""
        return self.send({"type": "AddFile", "index_id": self.index_id, "url": url,
                          "file_path": None, "file_contents": html})

    def close(self) -> None:
        """Stop the process and both threads (idempotent)."""
        self._outbox.put(None)  # the writer closes stdin after the last request and ends
        if self._proc.poll() is None:
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._errors.close()
