#include "hostkey.h"

#include <QRandomGenerator>

#include <openssl/evp.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace suanli::host {

namespace {

void putU32(QByteArray &out, quint32 v)
{
    out.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
}

void putString(QByteArray &out, const QByteArray &s)
{
    putU32(out, quint32(s.size()));
    out.append(s);
}

} // namespace

Result<HostKey> generateHostKey(const QString &comment)
{
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr), &EVP_PKEY_CTX_free);
    EVP_PKEY *raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) <= 0 || EVP_PKEY_keygen(ctx.get(), &raw) <= 0)
        return makeError(u"host_key_failed"_s, u"OpenSSL could not generate an ed25519 key"_s);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(raw, &EVP_PKEY_free);
    unsigned char pub[32];
    unsigned char seed[32];
    size_t pubLen = sizeof pub;
    size_t seedLen = sizeof seed;
    if (EVP_PKEY_get_raw_public_key(key.get(), pub, &pubLen) <= 0 ||
        EVP_PKEY_get_raw_private_key(key.get(), seed, &seedLen) <= 0 || pubLen != 32 ||
        seedLen != 32)
        return makeError(u"host_key_failed"_s, u"OpenSSL could not export the ed25519 key"_s);
    const QByteArray type = "ssh-ed25519";
    const QByteArray pubBytes(reinterpret_cast<const char *>(pub), 32);

    QByteArray publicBlob;
    putString(publicBlob, type);
    putString(publicBlob, pubBytes);

    // openssh-key-v1 (PROTOCOL.key in OpenSSH): unencrypted, one key; the private part is
    // two equal check words, the key, a comment and padding 1, 2, 3… to a block of 8.
    QByteArray priv;
    const quint32 check = QRandomGenerator::system()->generate();
    putU32(priv, check);
    putU32(priv, check);
    putString(priv, type);
    putString(priv, pubBytes);
    putString(priv, QByteArray(reinterpret_cast<const char *>(seed), 32) + pubBytes);
    putString(priv, comment.toUtf8());
    for (char pad = 1; priv.size() % 8; ++pad)
        priv.append(pad);
    OPENSSL_cleanse(seed, sizeof seed);

    QByteArray blob = QByteArray("openssh-key-v1", 15); // with its NUL
    putString(blob, "none");
    putString(blob, "none");
    putString(blob, {});
    putU32(blob, 1);
    putString(blob, publicBlob);
    putString(blob, priv);

    HostKey result;
    result.privateKeyFile = "-----BEGIN OPENSSH PRIVATE KEY-----\n";
    const QByteArray b64 = blob.toBase64();
    for (qsizetype i = 0; i < b64.size(); i += 70)
        result.privateKeyFile += b64.mid(i, 70) + '\n';
    result.privateKeyFile += "-----END OPENSSH PRIVATE KEY-----\n";
    result.publicKeyLine = u"ssh-ed25519 "_s + QString::fromLatin1(publicBlob.toBase64());
    if (!comment.isEmpty())
        result.publicKeyLine += u' ' + comment;
    return result;
}

} // namespace suanli::host
