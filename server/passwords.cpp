#include "passwords.h"

#include <QRandomGenerator>
#include <QStringList>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

using namespace Qt::StringLiterals;

namespace suanli::server::passwords {

namespace {

constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;
/// The largest cost a stored hash may ask for (a tampered row must not make one sign-in take
/// gigabytes): N up to 2^20, r·p up to 64.
constexpr int kMaxLogN = 20;

std::optional<QByteArray> scrypt(const QByteArray &password, const QByteArray &salt, int logN,
                                 int r, int p)
{
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "SCRYPT", nullptr);
    if (!kdf)
        return std::nullopt;
    EVP_KDF_CTX *ctx = EVP_KDF_CTX_new(kdf);
    EVP_KDF_free(kdf);
    if (!ctx)
        return std::nullopt;
    uint64_t n = uint64_t(1) << logN;
    uint32_t r32 = uint32_t(r);
    uint32_t p32 = uint32_t(p);
    // 128·r·N bytes for the big array plus 256·r for the rest; OpenSSL's default limit (32 MiB)
    // is exactly N = 2^15, r = 8, so the limit is raised to what the parameters need.
    uint64_t maxmem = 128 * uint64_t(r) * (n + uint64_t(p) + 2) + 1024 * 1024;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD,
                                          const_cast<char *>(password.constData()),
                                          size_t(password.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char *>(salt.constData()),
                                          size_t(salt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r32),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p32),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(kHashBytes, Qt::Uninitialized);
    const int ok = EVP_KDF_derive(ctx, reinterpret_cast<unsigned char *>(out.data()),
                                  size_t(out.size()), params);
    EVP_KDF_CTX_free(ctx);
    if (ok != 1)
        return std::nullopt;
    return out;
}

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char(QRandomGenerator::system()->bounded(256));
    return bytes;
}

} // namespace

Result<void> checkStrength(const QString &password)
{
    const qsizetype length = password.toUcs4().size();
    if (length < 8)
        return makeError(u"weak_password"_s, u"a password has at least 8 characters"_s,
                         u"password"_s);
    if (length > 1024)
        return makeError(u"weak_password"_s, u"a password has at most 1024 characters"_s,
                         u"password"_s);
    return {};
}

Result<QString> hash(const QString &password)
{
    const QByteArray salt = randomBytes(kSaltBytes);
    auto derived = scrypt(password.toUtf8(), salt, kLogN, kR, kP);
    if (!derived)
        return makeError(u"internal"_s, u"OpenSSL's scrypt failed"_s);
    return u"$scrypt$ln=%1,r=%2,p=%3$%4$%5"_s.arg(kLogN).arg(kR).arg(kP).arg(
        QString::fromLatin1(salt.toBase64(QByteArray::OmitTrailingEquals)),
        QString::fromLatin1(derived->toBase64(QByteArray::OmitTrailingEquals)));
}

bool verify(const QString &password, const QString &stored)
{
    // "", "scrypt", "ln=15,r=8,p=1", salt, hash
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 5 || !parts[0].isEmpty() || parts[1] != "scrypt"_L1)
        return false;
    int logN = 0, r = 0, p = 0;
    for (const QString &param : parts[2].split(u',')) {
        const QString key = param.section(u'=', 0, 0);
        bool ok = false;
        const int value = param.section(u'=', 1).toInt(&ok);
        if (!ok)
            return false;
        if (key == "ln"_L1)
            logN = value;
        else if (key == "r"_L1)
            r = value;
        else if (key == "p"_L1)
            p = value;
        else
            return false;
    }
    if (logN < 1 || logN > kMaxLogN || r < 1 || p < 1 || r * p > 64)
        return false;
    const auto salt = QByteArray::fromBase64Encoding(parts[3].toLatin1());
    const auto expected = QByteArray::fromBase64Encoding(parts[4].toLatin1());
    if (!salt || !expected || expected.decoded.size() != kHashBytes)
        return false;
    auto derived = scrypt(password.toUtf8(), salt.decoded, logN, r, p);
    return derived && CRYPTO_memcmp(derived->constData(), expected.decoded.constData(),
                                    size_t(kHashBytes)) == 0;
}

const QString &decoyHash()
{
    static const QString decoy = [] {
        auto h = hash(QString::fromLatin1(randomBytes(24).toBase64()));
        return h ? *h : QString();
    }();
    return decoy;
}

} // namespace suanli::server::passwords
