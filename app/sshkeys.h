#pragma once

#include "protocol/result.h"
#include "secretstore.h"
#include "ssh/sshtypes.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

namespace suanli::app {

/// The renter's SSH key per market (docs/app.md): an ed25519 key pair in the app's data folder in
/// OpenSSH's format, private key 0600, made on first use by the ssh/ library (OpenSSL) in a
/// worker thread, so OpenSSH, VS Code and the app's own tunnels use the same file.
///
/// An optional passphrase protects the key file (aes256-ctr/bcrypt, as ssh-keygen does it); the
/// passphrase itself lives in the SecretStore (the OS keychain) under passphraseKey(), and
/// identity() puts it into every session the app opens. OpenSSH and VS Code ask for it
/// themselves (or use ssh-agent). Key files are read and re-written in worker threads (the key
/// derivation takes a noticeable moment); answers come back on the caller's thread.
class SshKeys : public QObject
{
    Q_OBJECT
public:
    SshKeys(const QString &dataFolder, QObject *parent = nullptr);

    /// Where passphrases are kept; without one, identity() works for unprotected keys only.
    void setSecretStore(SecretStore *secrets) { m_secrets = secrets; }
    SecretStore *secretStore() const { return m_secrets; }

    /// The private key's path for `market`.
    QString keyPath(const QUrl &market) const;
    /// The SecretStore key of the passphrase of `market`'s key: "ssh-key-passphrase/<id>", the
    /// same 16-hex id as the key's folder.
    static QString passphraseKey(const QUrl &market);

    /// The public key line ("ssh-ed25519 AAAA… suanli"), creating the pair if needed.
    void publicKey(const QUrl &market, QObject *context,
                   std::function<void(Result<QString>)> done);

    /// Whether the key is protected by a passphrase (the pair is created if needed).
    void isProtected(const QUrl &market, QObject *context, std::function<void(Result<bool>)> done);

    /// What a session needs to log in with the key: its path and, for a protected key, the
    /// passphrase from the SecretStore. A protected key whose passphrase is not stored gives
    /// "ssh_key_passphrase" (ask the user: rememberPassphrase()). A stored passphrase is not
    /// checked here; the session checks it in its own thread ("ssh_key_passphrase" if wrong).
    void identity(const QUrl &market, QObject *context,
                  std::function<void(Result<ssh::Identity>)> done);

    /// Checks `passphrase` against the key ("ssh_key_passphrase" when wrong; the file is only
    /// read) and stores it in the SecretStore.
    void rememberPassphrase(const QUrl &market, const QString &passphrase, QObject *context,
                            std::function<void(Result<void>)> done);

    /// Sets, changes or (newPassphrase empty) removes the key's passphrase: the key file is
    /// re-encrypted in place (atomically; the key itself stays the same, so instances keep
    /// trusting it), then the SecretStore is updated. `oldPassphrase` empty: the stored one.
    /// A wrong old passphrase is "ssh_key_passphrase" and changes nothing.
    void changePassphrase(const QUrl &market, const QString &oldPassphrase,
                          const QString &newPassphrase, QObject *context,
                          std::function<void(Result<void>)> done);

private:
    void changeWithOld(const QUrl &market, const QByteArray &oldPassphrase,
                       const QString &newPassphrase, QPointer<QObject> guard,
                       std::function<void(Result<void>)> done);

    QString m_dataFolder;
    QPointer<SecretStore> m_secrets;
};

} // namespace suanli::app
