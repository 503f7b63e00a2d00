#pragma once

#include "protocol/result.h"

#include <QByteArray>
#include <QString>

namespace suanli::ssh {

/// An ed25519 key pair in the formats OpenSSH writes: the private key as an unencrypted
/// "openssh-key-v1" file and the public key as an authorized_keys line. The same files serve
/// libssh2, OpenSSH and VS Code Remote-SSH.
struct KeyPair
{
    QByteArray privateKey; ///< "-----BEGIN OPENSSH PRIVATE KEY-----…"
    QString publicKeyLine; ///< "ssh-ed25519 AAAA… comment"
};

/// Generates a fresh ed25519 key with OpenSSL.
Result<KeyPair> generateEd25519Key(const QString &comment);

/// Writes the private key to privateKeyPath (0600, atomically) and the public line to
/// privateKeyPath + ".pub"; creates the folder (0700) if needed.
Result<void> saveKeyPair(const KeyPair &key, const QString &privateKeyPath);

/// Reads a key written by saveKeyPair() or ssh-keygen (unencrypted openssh-key-v1).
Result<KeyPair> loadKeyPair(const QString &privateKeyPath);

/// The app's key for one market: loaded when it exists, generated and saved otherwise.
Result<KeyPair> loadOrCreateKeyPair(const QString &privateKeyPath, const QString &comment);

} // namespace suanli::ssh
