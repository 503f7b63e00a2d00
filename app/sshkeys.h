#pragma once

#include "protocol/result.h"

#include <QObject>
#include <QUrl>

#include <functional>

namespace suanli::app {

/// The renter's SSH key per market (DESIGN §7): an ed25519 key pair in the app's data folder in
/// OpenSSH's format, private key 0600, made on first use by the ssh/ library (OpenSSL) in a
/// worker thread, so OpenSSH, VS Code and the app's own tunnels use the same file.
class SshKeys : public QObject
{
    Q_OBJECT
public:
    SshKeys(const QString &dataFolder, QObject *parent = nullptr);

    /// The private key's path for `market`.
    QString keyPath(const QUrl &market) const;
    /// The public key line ("ssh-ed25519 AAAA… suanli"), creating the pair if needed.
    void publicKey(const QUrl &market, QObject *context,
                   std::function<void(Result<QString>)> done);

private:
    QString m_dataFolder;
};

} // namespace suanli::app
