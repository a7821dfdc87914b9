"""The client address that login throttling (django-axes) locks on.

Behind our own proxy (BEHIND_PROXY=1) every request comes from the proxy's address, so locking on
REMOTE_ADDR would lock a user name for everyone. The proxy overwrites X-Real-IP with the address it
sees (deploy/nginx/rancang.conf); that header is believed only when the request comes from one of
TRUSTED_PROXIES, so a client talking to gunicorn directly cannot choose its own address.
"""

import ipaddress

from django.conf import settings


def parse_networks(values):
    """['127.0.0.1', '10.0.0.0/8'] -> ip_network objects; raises ValueError on a malformed entry."""
    return [ipaddress.ip_network(value, strict=False) for value in values]


def _is_trusted(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in settings.TRUSTED_PROXY_NETWORKS)


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    if settings.BEHIND_PROXY and _is_trusted(remote):
        forwarded = request.META.get("HTTP_X_REAL_IP", "").strip()
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:
            return remote
    return remote
