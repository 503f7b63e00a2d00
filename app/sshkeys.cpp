#include "sshkeys.h"

#include "secretstore.h"
#include "ssh/sshkey.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

using namespace Qt::StringLiterals;

namespace suanli::app {

namespace {

QString marketId(const QUrl &market)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(
            market.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::StripTrailingSlash)
                .toUtf8(),
            QCryptographicHash::Sha256)
            .toHex()
            .left(16));
}

/// Runs `work` in the thread pool (key files: I/O and a key derivation) and hands its result
/// to `done` on `receiver`'s thread, if `guard` still lives.
/// (QFuture wants a default-constructible result, hence the optional.)
template<typename T>
void offThread(QObject *receiver, QPointer<QObject> guard, std::function<T()> work,
               std::function<void(T)> done)
{
    QtConcurrent::run([work = std::move(work)]() -> std::optional<T> { return work(); })
        .then(receiver, [guard, done = std::move(done)](std::optional<T> result) {
            if (guard)
                done(std::move(*result));
        });
}

Error noSecretStore()
{
    return makeError(u"no_secret_store"_s,
                     SshKeys::tr("There is no place to keep the passphrase in this session."));
}

} // namespace

SshKeys::SshKeys(const QString &dataFolder, QObject *parent)
    : QObject(parent)
    , m_dataFolder(dataFolder)
{
}

QString SshKeys::keyPath(const QUrl &market) const
{
    return QDir(m_dataFolder).filePath(u"keys/"_s + marketId(market) + u"/id_ed25519"_s);
}

QString SshKeys::passphraseKey(const QUrl &market)
{
    return u"ssh-key-passphrase/"_s + marketId(market);
}

void SshKeys::publicKey(const QUrl &market, QObject *context,
                        std::function<void(Result<QString>)> done)
{
    const QString path = keyPath(market);
    // Reading or generating the key is file I/O: off the UI thread, the answer delivered back
    // on it.
    offThread<Result<QString>>(this, context, [path]() -> Result<QString> {
        auto key = ssh::loadOrCreateKeyPair(path, u"suanli"_s);
        if (!key)
            return key.error();
        return key->publicKeyLine;
    }, std::move(done));
}

void SshKeys::isProtected(const QUrl &market, QObject *context,
                          std::function<void(Result<bool>)> done)
{
    const QString path = keyPath(market);
    offThread<Result<bool>>(this, context, [path]() -> Result<bool> {
        // Without a passphrase an encrypted key is only parsed, not decrypted: quick.
        auto key = ssh::loadOrCreateKeyPair(path, u"suanli"_s);
        if (!key)
            return key.error();
        return key->encrypted;
    }, std::move(done));
}

void SshKeys::identity(const QUrl &market, QObject *context,
                       std::function<void(Result<ssh::Identity>)> done)
{
    const QString path = keyPath(market);
    const QString secretKey = passphraseKey(market);
    QPointer<QObject> guard(context);
    isProtected(market, this, [this, path, secretKey, guard, done = std::move(done)](
                                  Result<bool> encrypted) {
        if (!guard)
            return;
        if (!encrypted)
            return done(encrypted.error());
        if (!*encrypted)
            return done(ssh::Identity{path, {}});
        const Error missing = makeError(
            u"ssh_key_passphrase"_s,
            tr("Your SSH key is protected by a passphrase, and Suanli does not have it. Enter it "
               "to open tunnels to your instances."));
        if (!m_secrets)
            return done(missing);
        m_secrets->read(secretKey, this, [path, guard, missing, done](Result<QString> secret) {
            if (!guard)
                return;
            if (!secret || secret->isEmpty())
                return done(missing);
            done(ssh::Identity{path, secret->toUtf8()});
        });
    });
}

void SshKeys::rememberPassphrase(const QUrl &market, const QString &passphrase, QObject *context,
                                 std::function<void(Result<void>)> done)
{
    const QString path = keyPath(market);
    const QString secretKey = passphraseKey(market);
    QPointer<QObject> guard(context);
    offThread<Result<void>>(this, this, [path, pass = passphrase.toUtf8()]() -> Result<void> {
        if (pass.isEmpty()) {
            return makeError(u"ssh_key_passphrase"_s, tr("Enter the passphrase of your SSH key."));
        }
        auto key = ssh::loadKeyPair(path, pass); // checks it; the file is only read
        if (!key)
            return key.error();
        return {};
    }, [this, secretKey, passphrase, guard, done = std::move(done)](Result<void> checked) {
        if (!guard)
            return;
        if (!checked)
            return done(checked.error());
        if (!m_secrets)
            return done(noSecretStore());
        m_secrets->write(secretKey, passphrase, this, [guard, done](Result<void> written) {
            if (guard)
                done(written);
        });
    });
}

void SshKeys::changePassphrase(const QUrl &market, const QString &oldPassphrase,
                               const QString &newPassphrase, QObject *context,
                               std::function<void(Result<void>)> done)
{
    QPointer<QObject> guard(context);
    if (!oldPassphrase.isEmpty() || !m_secrets)
        return changeWithOld(market, oldPassphrase.toUtf8(), newPassphrase, guard,
                             std::move(done));
    // No old passphrase typed: the stored one (none stored: the key may be unprotected).
    m_secrets->read(passphraseKey(market), this,
                    [this, market, newPassphrase, guard, done = std::move(done)](
                        Result<QString> stored) {
        changeWithOld(market, stored ? stored->toUtf8() : QByteArray(), newPassphrase, guard,
                      done);
    });
}

void SshKeys::changeWithOld(const QUrl &market, const QByteArray &oldPassphrase,
                            const QString &newPassphrase, QPointer<QObject> guard,
                            std::function<void(Result<void>)> done)
{
    const QString path = keyPath(market);
    const QString secretKey = passphraseKey(market);
    offThread<Result<void>>(
        this, this,
        [path, oldPassphrase, pass = newPassphrase.toUtf8()]() -> Result<void> {
            if (auto key = ssh::loadOrCreateKeyPair(path, u"suanli"_s); !key)
                return key.error();
            // Decrypts with the old passphrase (a wrong one changes nothing) and re-writes the
            // file through QSaveFile: the old file stays until the new one is complete.
            auto changed = ssh::changeKeyPassphrase(path, oldPassphrase, pass);
            if (!changed)
                return changed.error();
            return {};
        },
        [this, secretKey, newPassphrase, guard, done = std::move(done)](Result<void> changed) {
            if (!guard)
                return;
            if (!changed)
                return done(changed.error());
            if (!m_secrets)
                return done(newPassphrase.isEmpty() ? Result<void>() : Result<void>(noSecretStore()));
            const auto stored = [guard, done](Result<void> r) {
                if (!guard)
                    return;
                if (!r && r.error().code != "not_found"_L1) {
                    return done(makeError(
                        r.error().code,
                        tr("The key file was changed, but the passphrase could not be saved: "
                           "%1. Suanli will ask for it when it connects.")
                            .arg(r.error().message)));
                }
                done({});
            };
            if (newPassphrase.isEmpty())
                m_secrets->remove(secretKey, this, stored);
            else
                m_secrets->write(secretKey, newPassphrase, this, stored);
        });
}

} // namespace suanli::app
