#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

typedef struct evp_md_ctx_st EVP_MD_CTX;

namespace suanli::sync {

/// Streaming SHA-256 (OpenSSL: SHA-NI or AVX2 code paths). SHA-256 rather than xxh3 because
/// every instance can compute it (coreutils sha256sum), so the journal's hash and the
/// remote check are the same value; see docs/sync.md.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &other);
    Sha256 &operator=(const Sha256 &other);

    void reset();
    void update(const char *data, qsizetype size);
    void update(const QByteArray &data) { update(data.constData(), data.size()); }
    /// The digest (32 bytes); the object can be reset() and reused.
    QByteArray final();

private:
    EVP_MD_CTX *m_ctx = nullptr;
};

/// Hashes the first `length` bytes of a local file (-1: all). Empty on a read error.
QByteArray hashLocalFile(const QString &path, qint64 length = -1, Sha256 *state = nullptr);

} // namespace suanli::sync
