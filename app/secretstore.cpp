#include "secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace suanli::app {

void postToContext(QObject *context, std::function<void()> f)
{
    QTimer::singleShot(0, context, std::move(f));
}

void MemorySecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    Result<QString> r = m_secrets.contains(key)
        ? Result<QString>(m_secrets.value(key))
        : Result<QString>(makeError(u"not_found"_s, tr("No secret is stored for %1.").arg(key)));
    postToContext(context, [done = std::move(done), r] { done(r); });
}

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context,
                              WriteCallback done)
{
    m_secrets.insert(key, secret);
    postToContext(context, [done = std::move(done)] { done({}); });
}

void MemorySecretStore::remove(const QString &key, QObject *context, WriteCallback done)
{
    m_secrets.remove(key);
    postToContext(context, [done = std::move(done)] { done({}); });
}

FileSecretStore::FileSecretStore(const QString &path, QObject *parent)
    : SecretStore(parent)
    , m_path(path)
{
}

Result<QHash<QString, QString>> FileSecretStore::load() const
{
    QHash<QString, QString> secrets;
    QFile file(m_path);
    if (!file.exists())
        return secrets;
    if (!file.open(QIODevice::ReadOnly))
        return makeError(u"read_failed"_s, tr("Cannot read %1: %2").arg(m_path, file.errorString()));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    for (auto it = json.begin(); it != json.end(); ++it)
        secrets.insert(it.key(), it.value().toString());
    return secrets;
}

Result<void> FileSecretStore::save(const QHash<QString, QString> &secrets) const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QJsonObject json;
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        json.insert(it.key(), it.value());
    QSaveFile file(m_path);
    // Permissions are set before any secret is written, on the temporary file that replaces
    // the old one.
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(QJsonDocument(json).toJson()) < 0 || !file.commit())
        return makeError(u"write_failed"_s, tr("Cannot write %1: %2").arg(m_path, file.errorString()));
    return {};
}

void FileSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    auto secrets = load();
    Result<QString> r = !secrets ? Result<QString>(secrets.error())
        : secrets->contains(key)
        ? Result<QString>(secrets->value(key))
        : Result<QString>(makeError(u"not_found"_s, tr("No secret is stored for %1.").arg(key)));
    postToContext(context, [done = std::move(done), r] { done(r); });
}

void FileSecretStore::write(const QString &key, const QString &secret, QObject *context,
                            WriteCallback done)
{
    auto secrets = load();
    Result<void> r = secrets ? Result<void>() : Result<void>(secrets.error());
    if (secrets) {
        secrets->insert(key, secret);
        r = save(*secrets);
    }
    postToContext(context, [done = std::move(done), r] { done(r); });
}

void FileSecretStore::remove(const QString &key, QObject *context, WriteCallback done)
{
    auto secrets = load();
    Result<void> r = secrets ? Result<void>() : Result<void>(secrets.error());
    if (secrets && secrets->remove(key))
        r = save(*secrets);
    postToContext(context, [done = std::move(done), r] { done(r); });
}

} // namespace suanli::app
