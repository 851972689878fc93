#!/usr/bin/env python3
"""Computes the test vectors of docs/PROTOCOL.md from the document's rules alone.

An implementation independent of the C# code: Python's standard library for HMAC-SHA256 and
a small AES-128 written here from FIPS-197 (the standard library has no AES), checked against
the standard's own example before use. Prints the ```vectors block; the host test
ProtocolVectorTests runs this script and compares its output with the document.
"""
import datetime
import hashlib
import hmac
import struct


def mac(key, label, *parts):
    return hmac.new(key, label.encode("ascii") + b"".join(parts), hashlib.sha256).digest()


def u16(v):
    return struct.pack("<H", v)


def u32(v):
    return struct.pack("<I", v)


def unix(text):
    return int(datetime.datetime.fromisoformat(text).timestamp())


# --- AES-128 encryption (FIPS-197) ------------------------------------------------------

def gf_mul(a, b):
    product = 0
    while b:
        if b & 1:
            product ^= a
        a = ((a << 1) ^ 0x11B) if a & 0x80 else a << 1
        b >>= 1
    return product


def make_sbox():
    box = []
    for x in range(256):
        inverse = next((y for y in range(1, 256) if gf_mul(x, y) == 1), 0)
        s = inverse
        for shift in range(1, 5):
            s ^= ((inverse << shift) | (inverse >> (8 - shift))) & 0xFF
        box.append(s ^ 0x63)
    return box


SBOX = make_sbox()


def expand_key(key):
    words = [list(key[i:i + 4]) for i in range(0, 16, 4)]
    rcon = 1
    for i in range(4, 44):
        word = list(words[i - 1])
        if i % 4 == 0:
            word = [SBOX[b] for b in word[1:] + word[:1]]
            word[0] ^= rcon
            rcon = gf_mul(rcon, 2)
        words.append([a ^ b for a, b in zip(words[i - 4], word)])
    return [sum(words[r * 4:r * 4 + 4], []) for r in range(11)]


def encrypt_block(round_keys, block):
    # The state is column-major: byte i is row i % 4 of column i // 4.
    state = [a ^ b for a, b in zip(block, round_keys[0])]
    for r in range(1, 11):
        state = [SBOX[b] for b in state]
        state = [state[(i + 4 * (i % 4)) % 16] for i in range(16)]
        if r < 10:
            mixed = []
            for c in range(4):
                a = state[4 * c:4 * c + 4]
                mixed += [
                    gf_mul(a[0], 2) ^ gf_mul(a[1], 3) ^ a[2] ^ a[3],
                    a[0] ^ gf_mul(a[1], 2) ^ gf_mul(a[2], 3) ^ a[3],
                    a[0] ^ a[1] ^ gf_mul(a[2], 2) ^ gf_mul(a[3], 3),
                    gf_mul(a[0], 3) ^ a[1] ^ a[2] ^ gf_mul(a[3], 2),
                ]
            state = mixed
        state = [a ^ b for a, b in zip(state, round_keys[r])]
    return bytes(state)


def aes128_cbc_encrypt(key, iv, data):
    keys = expand_key(key)
    out, previous = b"", iv
    for i in range(0, len(data), 16):
        previous = encrypt_block(keys, bytes(a ^ b for a, b in zip(data[i:i + 16], previous)))
        out += previous
    return out


# FIPS-197 appendix C.1, before trusting the cipher with anything.
assert encrypt_block(expand_key(bytes(range(16))), bytes.fromhex("00112233445566778899aabbccddeeff")) \
    == bytes.fromhex("69c4e0d86a7b0430d8cdb78070b4c55a")


# --- the protocol --------------------------------------------------------------------------

def fragments(message, payload=20):
    out, sent, index = [], 0, 0
    while sent < len(message):
        chunk = message[sent:sent + payload - 1]
        flags = index & 0x3F
        flags |= 0x80 if sent == 0 else 0
        flags |= 0x40 if sent + len(chunk) == len(message) else 0
        out.append(bytes([flags]) + chunk)
        sent += len(chunk)
        index += 1
    return out


def vectors():
    v = []
    secret = bytes(range(32))
    lock_id = 1001
    valid_from = unix("2026-11-23T00:00:00+00:00")
    fields = (u32(lock_id) + u32(7) + u32(42) + bytes([1, 1, 0x1F, 0xFF])
              + u16(7 * 60) + u16(22 * 60) + u32(valid_from) + u32(valid_from + 30 * 86400))
    credential = fields + mac(secret, "LOCK-CRED", fields)[:12]
    credential_key = mac(secret, "LOCK-KEY", credential)
    token_body = u32(unix("2026-11-23T07:00:00+00:00")) + u32(lock_id) + bytes([1])
    time_token = bytes([0x05]) + token_body + mac(secret, "LOCK-TIME", token_body)[:12]
    lock_nonce = mac(secret, "LOCK-NONCE", u32(1), u32(1))[:16]
    phone_nonce = bytes(range(1, 9))
    hello = bytes([0x02]) + credential + phone_nonce
    session_key = mac(credential_key, "LOCK-SESS", lock_nonce, phone_nonce)
    command = bytes([0x03]) + u16(1) + bytes([0x02])
    command += mac(session_key, "LOCK-CMD", command)[:8]
    response = bytes([0x83]) + u16(1) + bytes([0x02, 0x00])
    response += mac(session_key, "LOCK-RSP", response)[:8]
    replayed = bytes([0x83]) + u16(1) + bytes([0x02, 0x12])
    replayed += mac(session_key, "LOCK-RSP", replayed)[:8]
    event = bytes([0xC0, 0x01, 3, 0, 1]) + u16(1)  # state changed: Unlocked, no alarm, battery Good; seq 1
    event += mac(session_key, "LOCK-EVT", event)[:8]

    v += [("secret", secret), ("credential", credential), ("credential key", credential_key),
          ("time token", time_token), ("lock nonce", lock_nonce), ("phone nonce", phone_nonce), ("hello", hello)]
    v += [(f"hello fragment {i}", f) for i, f in enumerate(fragments(hello))]
    v += [("session key", session_key), ("command unlock #1", command), ("response unlock #1 ok", response),
          ("response unlock #1 replayed", replayed), ("event unlocked #1", event)]

    serial = b"LK000042"
    factory_key = bytes(range(0x40, 0x60))
    provision = bytes([0x06]) + serial + factory_key + u16(10150)
    pairing_nonce = mac(factory_key, "LOCK-PNONCE", u32(1), u32(1))[:16]
    enc_key = mac(factory_key, "LOCK-PAIR-ENC")[:16]
    mac_key = mac(factory_key, "LOCK-PAIR-MAC")
    iv = bytes(range(0xA0, 0xB0))
    body = u32(lock_id) + bytes([1]) + u32(unix("2026-11-23T06:59:00+00:00")) + iv + aes128_cbc_encrypt(enc_key, iv, secret)
    pair = bytes([0x04]) + body + mac(mac_key, "LOCK-PAIR", serial, pairing_nonce, body)[:16]
    v += [("factory key", factory_key), ("provision", provision), ("pairing nonce", pairing_nonce),
          ("pair encryption key", enc_key), ("pair mac key", mac_key), ("pair iv", iv), ("pair", pair)]
    return v


if __name__ == "__main__":
    print("```vectors")
    for name, value in vectors():
        print(f"{name}: {value.hex().upper()}")
    print("```")
