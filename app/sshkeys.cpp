#include "sshkeys.h"

#include "ssh/sshkey.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFuture>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

using namespace Qt::StringLiterals;

namespace suanli::app {

SshKeys::SshKeys(const QString &dataFolder, QObject *parent)
    : QObject(parent)
    , m_dataFolder(dataFolder)
{
}

QString SshKeys::keyPath(const QUrl &market) const
{
    const QByteArray id = QCryptographicHash::hash(
        market.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::StripTrailingSlash).toUtf8(),
        QCryptographicHash::Sha256).toHex().left(16);
    return QDir(m_dataFolder).filePath(u"keys/"_s + QString::fromLatin1(id) + u"/id_ed25519"_s);
}

void SshKeys::publicKey(const QUrl &market, QObject *context,
                        std::function<void(Result<QString>)> done)
{
    const QString path = keyPath(market);
    QPointer<QObject> guard(context);
    // Reading or generating the key is file I/O (and a key derivation for an encrypted key):
    // off the UI thread, the answer delivered back on it.
    // (QFuture wants a default-constructible result, hence the optional.)
    QtConcurrent::run([path]() -> std::optional<Result<QString>> {
        auto key = ssh::loadOrCreateKeyPair(path, u"suanli"_s);
        if (!key)
            return Result<QString>(key.error());
        return Result<QString>(key->publicKeyLine);
    }).then(this, [guard, done = std::move(done)](std::optional<Result<QString>> line) {
        if (guard)
            done(std::move(*line));
    });
}

} // namespace suanli::app
