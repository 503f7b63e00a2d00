#pragma once

#include "secretstore.h"

#include <memory>

namespace suanli::app {

/// The OS keychain through QtKeychain (Secret Service, macOS Keychain, Windows Credential
/// Store). When the keychain does not answer (no backend, no D-Bus session, locked and
/// refused), it says so once through kindChanged and keeps secrets in memory for this run —
/// or, only if the user explicitly allowed it, in a 0600 file. Never a silent plaintext
/// fallback (docs/app.md).
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    /// `fallbackFile`: the 0600 file to use instead of memory, empty unless the user chose it.
    KeychainSecretStore(const QString &service, const QString &fallbackFile = {},
                        QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    Kind kind() const override;
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &secret, QObject *context,
               WriteCallback done) override;
    void remove(const QString &key, QObject *context, WriteCallback done) override;

    /// Why the keychain is not used, when it is not.
    QString fallbackReason() const { return m_why; }

private:
    /// True for errors that mean "no keychain here", as opposed to "no such entry".
    static bool isUnavailable(int keychainError);
    void fallBack(const QString &why);

    QString m_service;
    QString m_fallbackFile;
    std::unique_ptr<SecretStore> m_fallback;
    QString m_why;
};

} // namespace suanli::app
