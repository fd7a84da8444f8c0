"""Loaded by every Python process of a notebook test (the kernel, the check worker, its children) through
PYTHONPATH: an audit hook that records and refuses any attempt to reach beyond this machine, so the test
can assert that no cell reaches the network. Loopback and Unix sockets (the kernel's own channels) pass."""

import ipaddress
import os
import socket
import sys

LOG = os.environ.get("WORKSHOP_NET_LOG")
LOCAL_NAMES = {None, "", "localhost", "localhost.localdomain", socket.gethostname()}


def is_local(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if host in LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(str(host).split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def refuse(what: str) -> None:
    if LOG:
        with open(LOG, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()} {what}\n")
    raise PermissionError(f"network access refused in a notebook test: {what}")


def hook(event: str, args: tuple) -> None:
    if event in ("socket.connect", "socket.sendto"):
        sock, address = args[0], args[1]
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not is_local(address[0]):
            refuse(f"{event} {address!r}")
    elif event == "socket.getaddrinfo" and not is_local(args[0]):
        refuse(f"{event} {args[0]!r}")
    elif event == "urllib.Request":
        refuse(f"{event} {args[0]!r}")


if LOG:
    sys.addaudithook(hook)
