"""Envelope encryption with AWS KMS: one data key per message, AES-GCM locally.

KMS never sees the data. GenerateDataKey returns the data key twice: in plaintext (used once,
in memory, then dropped) and encrypted under the KMS key (stored next to the ciphertext).
To decrypt, KMS decrypts the stored data key, which needs kms:Decrypt and the same
encryption context.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


@dataclass(frozen=True)
class Envelope:
    """What you store: the encrypted data key, a nonce and the ciphertext. No secret in it."""

    encrypted_key: bytes
    nonce: bytes
    ciphertext: bytes


def encrypt(kms, key_id: str, plaintext: bytes, context: dict[str, str]) -> Envelope:
    """Encrypt ``plaintext`` under a fresh data key that ``key_id`` protects."""
    data_key = kms.generate_data_key(
        KeyId=key_id,
        KeySpec="AES_256",  # (1)!
        EncryptionContext=context,  # (2)!
    )
    nonce = os.urandom(12)
    aad = _aad(context)
    ciphertext = AESGCM(data_key["Plaintext"]).encrypt(nonce, plaintext, aad)
    return Envelope(data_key["CiphertextBlob"], nonce, ciphertext)  # (3)!


def decrypt(kms, envelope: Envelope, context: dict[str, str]) -> bytes:
    """Ask KMS to decrypt the data key, then decrypt the data locally."""
    data_key = kms.decrypt(
        CiphertextBlob=envelope.encrypted_key,
        EncryptionContext=context,  # (4)!
    )["Plaintext"]
    return AESGCM(data_key).decrypt(envelope.nonce, envelope.ciphertext, _aad(context))


def _aad(context: dict[str, str]) -> bytes:
    """Bind the local ciphertext to the same context (sorted, so the order does not matter)."""
    return "&".join(f"{k}={v}" for k, v in sorted(context.items())).encode()


if __name__ == "__main__":
    import boto3

    client = boto3.client("kms")
    ctx = {"tenant": "example-tenant"}
    box = encrypt(client, "alias/app-data", b"card on file: example only", ctx)
    print(decrypt(client, box, ctx).decode())
