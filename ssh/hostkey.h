#pragma once

#include "protocol/result.h"

#include <QByteArray>
#include <QString>

namespace suanli::ssh {

/// A server's public host key: the SSH wire blob and its algorithm name. The market publishes
/// each instance's key as an OpenSSH line ("ssh-ed25519 AAAA…"); clients pin it and compare
/// the blob byte for byte, so nobody is ever asked to trust a fingerprint.
class HostKey
{
public:
    HostKey() = default;

    /// Parses "type base64 [comment]"; the type must match the one inside the blob.
    static Result<HostKey> fromOpenSshLine(const QString &line);
    /// The blob as a server presents it (libssh2_session_hostkey()).
    static Result<HostKey> fromBlob(const QByteArray &blob);

    bool isNull() const { return m_blob.isEmpty(); }
    const QByteArray &type() const { return m_type; }
    const QByteArray &blob() const { return m_blob; }
    /// "SHA256:…" as ssh-keygen -l prints it, for error messages and logs.
    QString fingerprint() const;
    /// "type base64", for a known_hosts file.
    QString toOpenSshLine() const;

    bool operator==(const HostKey &other) const { return m_blob == other.m_blob; }

private:
    QByteArray m_type;
    QByteArray m_blob;
};

} // namespace suanli::ssh
