#pragma once

#include "protocol/result.h"

#include <QByteArray>
#include <QString>

namespace suanli::host {

/// An instance's sshd host key, made by the agent (never baked into an image).
struct HostKey
{
    QByteArray
        privateKeyFile;    ///< OpenSSH private key format ("-----BEGIN OPENSSH PRIVATE KEY-----")
    QString publicKeyLine; ///< "ssh-ed25519 AAAA… comment", what clients pin
};

/// A fresh ed25519 key from OpenSSL's CSPRNG, written in the formats sshd reads.
Result<HostKey> generateHostKey(const QString &comment);

} // namespace suanli::host
