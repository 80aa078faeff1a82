#!/usr/bin/env python3
"""Shared-mailbox delegation check for the local Dovecot (used by delegate.lua).

Dovecot's own oauth2 passdb accepts a token only for the account it was issued to. Exchange
Online also accepts a delegate's token for a shared mailbox the delegate has Full Access to
(`user=shared@...` in XOAUTH2: https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth).
Dovecot asks this check second, through a
Lua passdb: it verifies the token itself (RS256 signature with the provider's public key via
openssl, expiry, issuer) and allows the login when the token's account holds Full Access to the
requested mailbox in the grants file (written by the local provider's /_test/grants API).

Usage: delegate-check.py CONFIG.json MAILBOX  < token    exit 0 = allowed, 1 = refused
"""
import base64
import json
import subprocess
import sys
import tempfile
import time


def b64url(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def valid_claims(token, conf):
    parts = token.strip().split(".")
    if len(parts) != 3:
        return None
    try:
        header = json.loads(b64url(parts[0]))
        claims = json.loads(b64url(parts[1]))
    except ValueError:
        return None
    kid = str(header.get("kid", ""))
    if header.get("alg") != "RS256" or not kid.replace("-", "").isalnum():
        return None
    key = f"{conf['keys']}/default/RS256/{kid}"
    with tempfile.NamedTemporaryFile() as sig:
        sig.write(b64url(parts[2]))
        sig.flush()
        verified = subprocess.run(
            ["openssl", "dgst", "-sha256", "-verify", key, "-signature", sig.name],
            input=(parts[0] + "." + parts[1]).encode(), capture_output=True,
        ).returncode == 0
    if not verified or claims.get("exp", 0) < time.time() or claims.get("iss") not in conf["issuers"]:
        return None
    return claims


def main():
    with open(sys.argv[1]) as f:
        conf = json.load(f)
    mailbox = sys.argv[2].lower()
    claims = valid_claims(sys.stdin.read(), conf)
    if not claims:
        sys.exit(1)
    try:
        with open(conf["grants"]) as f:
            grants = json.load(f)
    except (OSError, ValueError):
        grants = {}
    owner = str(claims.get("email", "")).lower()
    sys.exit(0 if owner in grants.get(mailbox, {}).get("full_access", []) else 1)


if __name__ == "__main__":
    main()
