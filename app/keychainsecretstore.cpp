#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace suanli::app {

KeychainSecretStore::KeychainSecretStore(const QString &service, const QString &fallbackFile,
                                         QObject *parent)
    : SecretStore(parent)
    , m_service(service)
    , m_fallbackFile(fallbackFile)
{
}

KeychainSecretStore::~KeychainSecretStore() = default;

SecretStore::Kind KeychainSecretStore::kind() const
{
    return m_fallback ? m_fallback->kind() : Kind::Keychain;
}

bool KeychainSecretStore::isUnavailable(int error)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::AccessDenied:
        return true;
    default:
        return false;
    }
}

void KeychainSecretStore::fallBack(const QString &why)
{
    if (m_fallback)
        return;
    m_why = why;
    if (!m_fallbackFile.isEmpty())
        m_fallback = std::make_unique<FileSecretStore>(m_fallbackFile);
    else
        m_fallback = std::make_unique<MemorySecretStore>();
    emit kindChanged(m_fallback->kind(), why);
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    if (m_fallback)
        return m_fallback->read(key, context, std::move(done));
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    job->setAutoDelete(true);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [this, job, key, guard, done = std::move(done)](QKeychain::Job *) mutable {
        if (!guard)
            return;
        const auto error = job->error();
        if (error == QKeychain::NoError)
            return done(job->textData());
        if (error == QKeychain::EntryNotFound)
            return done(makeError(u"not_found"_s, tr("No secret is stored for %1.").arg(key)));
        if (isUnavailable(error)) {
            fallBack(job->errorString());
            return m_fallback->read(key, guard, std::move(done));
        }
        done(makeError(u"keychain_error"_s, job->errorString()));
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context,
                                WriteCallback done)
{
    if (m_fallback)
        return m_fallback->write(key, secret, context, std::move(done));
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(secret);
    job->setAutoDelete(true);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [this, job, key, secret, guard, done = std::move(done)](QKeychain::Job *) mutable {
        if (!guard)
            return;
        const auto error = job->error();
        if (error == QKeychain::NoError)
            return done({});
        if (isUnavailable(error)) {
            fallBack(job->errorString());
            return m_fallback->write(key, secret, guard, std::move(done));
        }
        done(makeError(u"keychain_error"_s, job->errorString()));
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, WriteCallback done)
{
    if (m_fallback)
        return m_fallback->remove(key, context, std::move(done));
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    job->setAutoDelete(true);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [this, job, key, guard, done = std::move(done)](QKeychain::Job *) mutable {
        if (!guard)
            return;
        const auto error = job->error();
        if (error == QKeychain::NoError || error == QKeychain::EntryNotFound)
            return done({});
        if (isUnavailable(error)) {
            fallBack(job->errorString());
            return m_fallback->remove(key, guard, std::move(done));
        }
        done(makeError(u"keychain_error"_s, job->errorString()));
    });
    job->start();
}

} // namespace suanli::app
