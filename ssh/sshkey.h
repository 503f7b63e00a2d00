#pragma once

#include "protocol/result.h"

#include <QByteArray>
#include <QString>

namespace suanli::ssh {

/// An ed25519 key pair in the formats OpenSSH writes: the private key as an "openssh-key-v1"
/// file — unencrypted, or protected by a passphrase the way ssh-keygen does it (aes256-ctr,
/// key and IV from bcrypt_pbkdf with a 16-byte salt and 16 rounds) — and the public key as an
/// authorized_keys line. The same files serve libssh2, OpenSSH and VS Code Remote-SSH.
struct KeyPair
{
    QByteArray privateKey; ///< "-----BEGIN OPENSSH PRIVATE KEY-----…"
    QString publicKeyLine; ///< "ssh-ed25519 AAAA… comment"
    bool encrypted = false; ///< the private key needs its passphrase
};

/// Generates a fresh ed25519 key with OpenSSL; a non-empty passphrase encrypts it.
Result<KeyPair> generateEd25519Key(const QString &comment, const QByteArray &passphrase = {});

/// Writes the private key to privateKeyPath (0600, atomically) and the public line to
/// privateKeyPath + ".pub"; creates the folder (0700) if needed.
Result<void> saveKeyPair(const KeyPair &key, const QString &privateKeyPath);

/// Reads a key written by saveKeyPair() or ssh-keygen. An encrypted key read without a
/// passphrase gives its public part (the comment is encrypted: the line has none) and
/// encrypted = true; with one, the passphrase is checked: "ssh_key_passphrase" when wrong.
Result<KeyPair> loadKeyPair(const QString &privateKeyPath, const QByteArray &passphrase = {});

/// The app's key for one market: loaded when it exists, generated and saved otherwise.
Result<KeyPair> loadOrCreateKeyPair(const QString &privateKeyPath, const QString &comment,
                                    const QByteArray &passphrase = {});

/// Re-writes the key under newPassphrase (empty: unencrypted), like `ssh-keygen -p`; the key
/// itself, and so the instances that trust it, stay the same.
Result<KeyPair> changeKeyPassphrase(const QString &privateKeyPath, const QByteArray &oldPassphrase,
                                    const QByteArray &newPassphrase);

} // namespace suanli::ssh
