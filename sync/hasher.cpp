#include "hasher.h"

#include <QFile>

#include <openssl/evp.h>

namespace suanli::sync {

namespace {

/// SHA-256 fetched once: EVP_sha256() makes every init look the implementation up again,
/// which shows with a hash per small file.
const EVP_MD *sha256Method()
{
    static EVP_MD *const method = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return method ? method : EVP_sha256();
}

} // namespace

Sha256::Sha256()
    : m_ctx(EVP_MD_CTX_new())
{
    reset();
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_ctx);
}

Sha256::Sha256(const Sha256 &other)
    : m_ctx(EVP_MD_CTX_new())
{
    EVP_MD_CTX_copy_ex(m_ctx, other.m_ctx);
}

Sha256 &Sha256::operator=(const Sha256 &other)
{
    if (this != &other)
        EVP_MD_CTX_copy_ex(m_ctx, other.m_ctx);
    return *this;
}

void Sha256::reset()
{
    EVP_DigestInit_ex(m_ctx, sha256Method(), nullptr);
}

void Sha256::update(const char *data, qsizetype size)
{
    EVP_DigestUpdate(m_ctx, data, size_t(size));
}

QByteArray Sha256::final()
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_ctx, reinterpret_cast<unsigned char *>(digest.data()), &length);
    reset();
    return digest;
}

QByteArray hashLocalFile(const QString &path, qint64 length, Sha256 *state)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Sha256 local;
    Sha256 &hash = state ? *state : local;
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    qint64 left = length < 0 ? std::numeric_limits<qint64>::max() : length;
    while (left > 0) {
        const qint64 n = file.read(buffer.data(), qMin<qint64>(left, buffer.size()));
        if (n < 0)
            return {};
        if (n == 0)
            break;
        hash.update(buffer.constData(), n);
        left -= n;
    }
    if (length >= 0 && left > 0)
        return {}; // shorter than asked
    if (state)
        return QByteArrayLiteral("ok");
    return hash.final();
}

} // namespace suanli::sync
