#!/usr/bin/env python3
"""Verifies the DKIM signature of a message file with dkimpy, answering its DNS query for
SELECTOR._domainkey.DOMAIN with the public key of PRIVATE_KEY_PEM. Prints "valid" or "invalid"
and exits 0 or 1.

Usage: verify_dkim.py MESSAGE PRIVATE_KEY_PEM

dkimpy checks Ed25519 signatures with PyNaCl; when PyNaCl is missing, a small stand-in built on
the `cryptography` package provides the two calls dkimpy makes (VerifyKey, verify)."""
import base64
import sys
import types

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa


def install_nacl_stand_in():
    try:
        import nacl.signing  # noqa: F401
        return
    except ImportError:
        pass
    from cryptography.exceptions import InvalidSignature

    nacl = types.ModuleType("nacl")
    signing = types.ModuleType("nacl.signing")
    encoding = types.ModuleType("nacl.encoding")
    exceptions = types.ModuleType("nacl.exceptions")

    class BadSignatureError(Exception):
        pass

    class Base64Encoder:
        @staticmethod
        def decode(data):
            return base64.b64decode(data)

    class VerifyKey:
        def __init__(self, key, encoder=None):
            raw = encoder.decode(key) if encoder else key
            self.key = ed25519.Ed25519PublicKey.from_public_bytes(raw)

        def verify(self, message, signature):
            try:
                self.key.verify(signature, message)
            except InvalidSignature:
                raise BadSignatureError("bad signature")
            return message

    exceptions.BadSignatureError = BadSignatureError
    exceptions.ValueError = ValueError
    encoding.Base64Encoder = Base64Encoder
    signing.VerifyKey = VerifyKey
    nacl.signing, nacl.encoding, nacl.exceptions = signing, encoding, exceptions
    sys.modules.update({"nacl": nacl, "nacl.signing": signing, "nacl.encoding": encoding,
                        "nacl.exceptions": exceptions})


def dns_record(pem):
    key = serialization.load_pem_private_key(pem, password=None)
    public = key.public_key()
    if isinstance(key, ed25519.Ed25519PrivateKey):
        raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return b"v=DKIM1; k=ed25519; p=" + base64.b64encode(raw)
    der = public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return b"v=DKIM1; k=rsa; p=" + base64.b64encode(der)


def main(message_path, key_path):
    install_nacl_stand_in()
    import dkim

    with open(message_path, "rb") as file:
        message = file.read()
    with open(key_path, "rb") as file:
        record = dns_record(file.read())
    valid = dkim.verify(message, dnsfunc=lambda name, timeout=5: record)
    print("valid" if valid else "invalid")
    sys.exit(0 if valid else 1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
