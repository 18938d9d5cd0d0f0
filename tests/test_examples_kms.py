"""The envelope-encryption sample on docs/security/kms.md, run against moto's KMS."""

from __future__ import annotations

import boto3
import pytest
from botocore.exceptions import ClientError
from conftest import load_example
from cryptography.exceptions import InvalidTag
from moto import mock_aws

envelope = load_example("examples/kms/envelope.py")

CONTEXT = {"tenant": "example-tenant", "purpose": "orders"}
SECRET = b"order 42: ship to 1 Example Street"


@pytest.fixture
def kms(aws_env):
    with mock_aws():
        client = boto3.client("kms", region_name="us-east-1")
        yield client, client.create_key(Description="envelope test")["KeyMetadata"]["KeyId"]


def test_plaintext_round_trips(kms):
    client, key_id = kms
    box = envelope.encrypt(client, key_id, SECRET, CONTEXT)
    assert envelope.decrypt(client, box, CONTEXT) == SECRET


def test_envelope_holds_no_plaintext(kms):
    client, key_id = kms
    box = envelope.encrypt(client, key_id, SECRET, CONTEXT)
    assert SECRET not in box.ciphertext
    assert len(box.ciphertext) == len(SECRET) + 16  # AES-GCM appends a 16-byte tag
    # Each call gets a fresh data key, so the same plaintext never encrypts the same way twice.
    assert envelope.encrypt(client, key_id, SECRET, CONTEXT).encrypted_key != box.encrypted_key


def test_context_order_does_not_matter(kms):
    client, key_id = kms
    box = envelope.encrypt(client, key_id, SECRET, CONTEXT)
    reordered = dict(reversed(list(CONTEXT.items())))
    assert envelope.decrypt(client, box, reordered) == SECRET


@pytest.mark.parametrize("context", [{}, {"tenant": "other-tenant", "purpose": "orders"}])
def test_kms_refuses_without_the_same_encryption_context(kms, context):
    client, key_id = kms
    box = envelope.encrypt(client, key_id, SECRET, CONTEXT)
    with pytest.raises(ClientError) as err:
        envelope.decrypt(client, box, context)
    assert err.value.response["Error"]["Code"] == "InvalidCiphertextException"


def test_tampered_ciphertext_is_rejected(kms):
    client, key_id = kms
    box = envelope.encrypt(client, key_id, SECRET, CONTEXT)
    flipped = bytes([box.ciphertext[0] ^ 1]) + box.ciphertext[1:]
    with pytest.raises(InvalidTag):
        envelope.decrypt(client, envelope.Envelope(box.encrypted_key, box.nonce, flipped), CONTEXT)


def test_data_key_is_256_bits(kms):
    client, key_id = kms
    key = client.generate_data_key(KeyId=key_id, KeySpec="AES_256", EncryptionContext=CONTEXT)
    assert len(key["Plaintext"]) == 32
    decrypted = client.decrypt(CiphertextBlob=key["CiphertextBlob"], EncryptionContext=CONTEXT)
    assert decrypted["Plaintext"] == key["Plaintext"]
