"""The address `make run` serves (ADDRESS: "8080", "0.0.0.0:8000", "[::1]:8000", "portal.local:80") as the URL
to announce and to put in the e-mails' links (SITE_URL), so both name the port really served.

    python -m config.address 0.0.0.0:8080  ->  http://<this machine's address>:8080
"""

import socket
import sys

DEFAULT = "127.0.0.1:8000"


def split(address: str) -> tuple[str, str]:
    address = (address or DEFAULT).strip()
    if address.isdigit():
        return "127.0.0.1", address
    if address.startswith("["):  # [::1]:8000
        host, _sep, port = address[1:].partition("]:")
        return f"[{host}]", port or "8000"
    host, _sep, port = address.rpartition(":")
    if not host:
        return address, "8000"
    return host, port


def public_host(host: str) -> str:
    """A host others can open: 0.0.0.0 / :: (every interface) become this machine's address."""
    if host in ("0.0.0.0", "[::]", "[0:0:0:0:0:0:0:0]"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
                probe.connect(("10.255.255.255", 1))  # no packet is sent; it picks the outgoing interface
                return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"
    return host


def site_url(address: str) -> str:
    host, port = split(address)
    host = public_host(host)
    return f"http://{host}" if port == "80" else f"http://{host}:{port}"


if __name__ == "__main__":
    print(site_url(sys.argv[1] if len(sys.argv) > 1 else DEFAULT))
