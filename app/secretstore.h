#pragma once

#include "protocol/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace suanli::app {

/// Where market tokens and key passphrases live (docs/app.md). Asynchronous, because the OS
/// keychain answers through D-Bus or a system prompt. A missing entry is error "not_found".
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Keychain, Memory, File };
    Q_ENUM(Kind)
    using ReadCallback = std::function<void(Result<QString>)>;
    using WriteCallback = std::function<void(Result<void>)>;

    using QObject::QObject;

    virtual Kind kind() const = 0;
    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context,
                       WriteCallback done) = 0;
    virtual void remove(const QString &key, QObject *context, WriteCallback done) = 0;

signals:
    /// The store moved to another place (the keychain did not answer): the UI says so.
    void kindChanged(suanli::app::SecretStore::Kind kind, const QString &why);
};

/// Secrets for this run only.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;
    Kind kind() const override { return Kind::Memory; }
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &secret, QObject *context,
               WriteCallback done) override;
    void remove(const QString &key, QObject *context, WriteCallback done) override;

private:
    QHash<QString, QString> m_secrets;
};

/// A JSON file readable by the user only (0600), used only when the user chose it.
class FileSecretStore : public SecretStore
{
    Q_OBJECT
public:
    FileSecretStore(const QString &path, QObject *parent = nullptr);
    Kind kind() const override { return Kind::File; }
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &secret, QObject *context,
               WriteCallback done) override;
    void remove(const QString &key, QObject *context, WriteCallback done) override;
    QString path() const { return m_path; }

private:
    Result<QHash<QString, QString>> load() const;
    Result<void> save(const QHash<QString, QString> &secrets) const;
    QString m_path;
};

/// Calls `f` from the event loop, if `context` still lives: stores answer asynchronously
/// even when they could answer at once, so callers have one code path.
void postToContext(QObject *context, std::function<void()> f);

} // namespace suanli::app
