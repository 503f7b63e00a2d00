#include "sshkey.h"

#include "bcryptpbkdf.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>
#include <optional>

namespace suanli::ssh {

namespace {

const QByteArray kMagic = QByteArrayLiteral("openssh-key-v1\0");
const QByteArray kBegin = QByteArrayLiteral("-----BEGIN OPENSSH PRIVATE KEY-----");
const QByteArray kEnd = QByteArrayLiteral("-----END OPENSSH PRIVATE KEY-----");
const QByteArray kEd25519 = QByteArrayLiteral("ssh-ed25519");

QString tr(const char *text)
{
    // The context lupdate gives tr() calls in free functions of this namespace.
    return QCoreApplication::translate("suanli::ssh", text);
}

void appendUint32(QByteArray &out, quint32 value)
{
    out.append(char(value >> 24))
        .append(char(value >> 16))
        .append(char(value >> 8))
        .append(char(value));
}

void appendString(QByteArray &out, const QByteArray &value)
{
    appendUint32(out, quint32(value.size()));
    out.append(value);
}

/// Reads the SSH wire types (RFC 4251 §5) from a buffer; any overrun marks the reader bad.
class WireReader
{
public:
    explicit WireReader(QByteArrayView data)
        : m_data(data)
    {}
    bool ok() const { return m_ok; }
    quint32 uint32()
    {
        if (m_data.size() - m_pos < 4) {
            m_ok = false;
            return 0;
        }
        const auto *p = reinterpret_cast<const uchar *>(m_data.data() + m_pos);
        m_pos += 4;
        return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | quint32(p[3]);
    }
    QByteArray string()
    {
        const quint32 length = uint32();
        if (!m_ok || quint32(m_data.size() - m_pos) < length) {
            m_ok = false;
            return {};
        }
        QByteArray value = m_data.sliced(m_pos, length).toByteArray();
        m_pos += length;
        return value;
    }

private:
    QByteArrayView m_data;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

QByteArray publicBlob(const QByteArray &rawPublic)
{
    QByteArray blob;
    appendString(blob, kEd25519);
    appendString(blob, rawPublic);
    return blob;
}

QString publicLine(const QByteArray &blob, const QString &comment)
{
    QString line = QString::fromLatin1(kEd25519) + u' ' + QString::fromLatin1(blob.toBase64());
    if (!comment.isEmpty())
        line += u' ' + comment;
    return line;
}

Error keyError(const QString &message)
{
    return makeError(QStringLiteral("ssh_key_error"), message);
}

// What ssh-keygen writes by default for a passphrase: aes256-ctr (no MAC: the check words
// catch a wrong passphrase), key and IV from bcrypt_pbkdf over a 16-byte salt, 16 rounds.
const QByteArray kAes256Ctr = QByteArrayLiteral("aes256-ctr");
const QByteArray kBcrypt = QByteArrayLiteral("bcrypt");
constexpr int kSaltSize = 16;
constexpr quint32 kKdfRounds = 16;
constexpr int kAesKeySize = 32;
constexpr int kAesBlockSize = 16;

/// The private section of PROTOCOL.key, minus the check words and padding.
struct PrivateParts
{
    QByteArray publicKey; ///< 32 bytes
    QByteArray seedPublic; ///< 64 bytes: seed‖public, as OpenSSH stores ed25519
    QByteArray comment;
    ~PrivateParts() { OPENSSL_cleanse(seedPublic.data(), size_t(seedPublic.size())); }
};

/// AES-256-CTR with key‖IV from bcrypt_pbkdf; encrypting and decrypting are the same.
Result<QByteArray> aes256Ctr(const QByteArray &keyIv, const QByteArray &data)
{
    using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    QByteArray out(data.size(), Qt::Uninitialized);
    int length = 0;
    if (!ctx || keyIv.size() != kAesKeySize + kAesBlockSize ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_ctr(), nullptr,
                           reinterpret_cast<const uchar *>(keyIv.constData()),
                           reinterpret_cast<const uchar *>(keyIv.constData()) + kAesKeySize) != 1 ||
        EVP_EncryptUpdate(ctx.get(), reinterpret_cast<uchar *>(out.data()), &length,
                          reinterpret_cast<const uchar *>(data.constData()), int(data.size())) != 1 ||
        length != data.size()) {
        return keyError(tr("OpenSSL could not encrypt the key."));
    }
    return out;
}

QByteArray armor(const QByteArray &body)
{
    QByteArray armored = kBegin + '\n';
    const QByteArray base64 = body.toBase64();
    for (qsizetype i = 0; i < base64.size(); i += 70)
        armored += base64.mid(i, 70) + '\n';
    return armored + kEnd + '\n';
}

/// An openssh-key-v1 file for the key, encrypted when passphrase is not empty.
Result<QByteArray> encodePrivateKey(const PrivateParts &parts, const QByteArray &passphrase)
{
    quint32 check = 0;
    RAND_bytes(reinterpret_cast<uchar *>(&check), sizeof check);
    QByteArray secret;
    appendUint32(secret, check);
    appendUint32(secret, check);
    appendString(secret, kEd25519);
    appendString(secret, parts.publicKey);
    appendString(secret, parts.seedPublic);
    appendString(secret, parts.comment);
    // Padding 1, 2, 3… to the cipher's block size (8 for "none").
    const bool encrypt = !passphrase.isEmpty();
    for (char pad = 1; secret.size() % (encrypt ? kAesBlockSize : 8) != 0; ++pad)
        secret.append(pad);

    QByteArray kdfOptions;
    if (encrypt) {
        QByteArray salt(kSaltSize, Qt::Uninitialized);
        RAND_bytes(reinterpret_cast<uchar *>(salt.data()), kSaltSize);
        appendString(kdfOptions, salt);
        appendUint32(kdfOptions, kKdfRounds);
        QByteArray keyIv = bcryptPbkdf(passphrase, salt, kKdfRounds, kAesKeySize + kAesBlockSize);
        auto encrypted = aes256Ctr(keyIv, secret);
        OPENSSL_cleanse(keyIv.data(), size_t(keyIv.size()));
        OPENSSL_cleanse(secret.data(), size_t(secret.size()));
        if (!encrypted)
            return encrypted.error();
        secret = *encrypted;
    }

    QByteArray body = kMagic;
    appendString(body, encrypt ? kAes256Ctr : QByteArrayLiteral("none")); // cipher
    appendString(body, encrypt ? kBcrypt : QByteArrayLiteral("none"));    // kdf
    appendString(body, kdfOptions);
    appendUint32(body, 1); // number of keys
    appendString(body, publicBlob(parts.publicKey));
    appendString(body, secret);
    OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    QByteArray armored = armor(body);
    OPENSSL_cleanse(body.data(), size_t(body.size()));
    return armored;
}

/// A parsed openssh-key-v1 file; `parts` only when the secret section could be read.
struct DecodedKey
{
    QByteArray publicBlobBytes;
    bool encrypted = false;
    std::optional<PrivateParts> parts;
};

Result<DecodedKey> decodePrivateKey(const QByteArray &armored, const QString &path,
                                    const QByteArray &passphrase)
{
    const qsizetype begin = armored.indexOf(kBegin);
    const qsizetype end = armored.indexOf(kEnd);
    if (begin < 0 || end < begin)
        return keyError(tr("%1 is not an OpenSSH private key.").arg(path));
    QByteArray base64 = armored.mid(begin + kBegin.size(), end - begin - kBegin.size());
    base64 = base64.simplified().replace(' ', QByteArray());
    QByteArray body = QByteArray::fromBase64(base64);
    if (!body.startsWith(kMagic))
        return keyError(tr("%1 is not an OpenSSH private key.").arg(path));

    WireReader reader(QByteArrayView(body).sliced(kMagic.size()));
    const QByteArray cipher = reader.string();
    const QByteArray kdf = reader.string();
    const QByteArray kdfOptions = reader.string();
    const quint32 count = reader.uint32();
    DecodedKey key;
    key.publicBlobBytes = reader.string();
    QByteArray secret = reader.string();
    OPENSSL_cleanse(body.data(), size_t(body.size()));
    WireReader blobReader(key.publicBlobBytes);
    if (!reader.ok() || count != 1 || blobReader.string() != kEd25519)
        return keyError(tr("%1 is not an ed25519 key.").arg(path));

    key.encrypted = cipher != "none";
    if (key.encrypted) {
        if (passphrase.isEmpty())
            return key;
        if (cipher != kAes256Ctr || kdf != kBcrypt) {
            return keyError(tr("%1 is encrypted with %2/%3; this app reads aes256-ctr/bcrypt "
                               "(ssh-keygen's default). Change its passphrase with ssh-keygen "
                               "-p -Z aes256-ctr.")
                                .arg(path, QString::fromLatin1(cipher), QString::fromLatin1(kdf)));
        }
        WireReader options(kdfOptions);
        const QByteArray salt = options.string();
        const quint32 rounds = options.uint32();
        if (!options.ok() || secret.size() % kAesBlockSize != 0)
            return keyError(tr("%1 is damaged.").arg(path));
        QByteArray keyIv = bcryptPbkdf(passphrase, salt, rounds, kAesKeySize + kAesBlockSize);
        if (keyIv.isEmpty())
            return keyError(tr("%1 is damaged.").arg(path));
        auto plain = aes256Ctr(keyIv, secret);
        OPENSSL_cleanse(keyIv.data(), size_t(keyIv.size()));
        if (!plain)
            return plain.error();
        secret = *plain;
    }
    WireReader secretReader(secret);
    const quint32 check1 = secretReader.uint32();
    const quint32 check2 = secretReader.uint32();
    if (secretReader.ok() && check1 != check2 && key.encrypted) {
        OPENSSL_cleanse(secret.data(), size_t(secret.size()));
        return makeError(QStringLiteral("ssh_key_passphrase"),
                         tr("The passphrase for the SSH key %1 is wrong.").arg(path));
    }
    PrivateParts parts;
    const QByteArray type = secretReader.string();
    parts.publicKey = secretReader.string();
    parts.seedPublic = secretReader.string();
    parts.comment = secretReader.string();
    OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    if (!secretReader.ok() || check1 != check2 || type != kEd25519 ||
        parts.seedPublic.size() != 64 || publicBlob(parts.publicKey) != key.publicBlobBytes) {
        return keyError(tr("%1 is damaged.").arg(path));
    }
    key.parts = std::move(parts);
    return key;
}

} // namespace

Result<KeyPair> generateEd25519Key(const QString &comment, const QByteArray &passphrase)
{
    using PKeyCtx = std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)>;
    using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
    PKeyCtx ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr), &EVP_PKEY_CTX_free);
    EVP_PKEY *raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) <= 0 || EVP_PKEY_keygen(ctx.get(), &raw) <= 0)
        return keyError(tr("OpenSSL could not generate an ed25519 key."));
    PKey key(raw, &EVP_PKEY_free);

    QByteArray seed(32, Qt::Uninitialized);
    QByteArray pub(32, Qt::Uninitialized);
    size_t seedLength = size_t(seed.size());
    size_t pubLength = size_t(pub.size());
    if (EVP_PKEY_get_raw_private_key(key.get(), reinterpret_cast<uchar *>(seed.data()),
                                     &seedLength) <= 0 ||
        EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<uchar *>(pub.data()), &pubLength) <=
            0 ||
        seedLength != 32 || pubLength != 32) {
        return keyError(tr("OpenSSL could not export the ed25519 key."));
    }

    PrivateParts parts{pub, seed + pub, comment.toUtf8()};
    OPENSSL_cleanse(seed.data(), size_t(seed.size()));
    auto armored = encodePrivateKey(parts, passphrase);
    if (!armored)
        return armored.error();
    return KeyPair{*armored, publicLine(publicBlob(pub), comment), !passphrase.isEmpty()};
}

Result<void> saveKeyPair(const KeyPair &key, const QString &privateKeyPath)
{
    const QFileInfo info(privateKeyPath);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(QStringLiteral(".")))
            return keyError(tr("Could not create the folder %1.").arg(dir.path()));
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    const auto write = [](const QString &path, const QByteArray &data,
                          QFile::Permissions mode) -> Result<void> {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(mode) ||
            file.write(data) != data.size() || !file.commit()) {
            return keyError(tr("Could not write %1: %2").arg(path, file.errorString()));
        }
        return {};
    };
    // ssh refuses a private key that others can read, hence 0600 before any byte is written.
    if (auto r = write(privateKeyPath, key.privateKey, QFile::ReadOwner | QFile::WriteOwner); !r)
        return r;
    return write(privateKeyPath + QStringLiteral(".pub"), key.publicKeyLine.toUtf8() + '\n',
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
}

Result<KeyPair> loadKeyPair(const QString &privateKeyPath, const QByteArray &passphrase)
{
    QFile file(privateKeyPath);
    if (!file.open(QIODevice::ReadOnly))
        return keyError(
            tr("Could not read the SSH key %1: %2").arg(privateKeyPath, file.errorString()));
    const QByteArray armored = file.readAll();
    auto key = decodePrivateKey(armored, privateKeyPath, passphrase);
    if (!key)
        return key.error();
    // An encrypted key read without its passphrase: the comment is in the encrypted part.
    const QString comment = key->parts ? QString::fromUtf8(key->parts->comment) : QString();
    return KeyPair{armored, publicLine(key->publicBlobBytes, comment), key->encrypted};
}

Result<KeyPair> loadOrCreateKeyPair(const QString &privateKeyPath, const QString &comment,
                                    const QByteArray &passphrase)
{
    if (QFileInfo::exists(privateKeyPath))
        return loadKeyPair(privateKeyPath, passphrase);
    auto key = generateEd25519Key(comment, passphrase);
    if (!key)
        return key;
    if (auto saved = saveKeyPair(*key, privateKeyPath); !saved)
        return saved.error();
    return key;
}

Result<KeyPair> changeKeyPassphrase(const QString &privateKeyPath, const QByteArray &oldPassphrase,
                                    const QByteArray &newPassphrase)
{
    QFile file(privateKeyPath);
    if (!file.open(QIODevice::ReadOnly))
        return keyError(
            tr("Could not read the SSH key %1: %2").arg(privateKeyPath, file.errorString()));
    auto decoded = decodePrivateKey(file.readAll(), privateKeyPath, oldPassphrase);
    if (!decoded)
        return decoded.error();
    if (!decoded->parts) {
        return makeError(QStringLiteral("ssh_key_passphrase"),
                         tr("The SSH key %1 is protected by a passphrase; enter it first.")
                             .arg(privateKeyPath));
    }
    auto armored = encodePrivateKey(*decoded->parts, newPassphrase);
    if (!armored)
        return armored.error();
    KeyPair key{*armored,
                publicLine(decoded->publicBlobBytes, QString::fromUtf8(decoded->parts->comment)),
                !newPassphrase.isEmpty()};
    if (auto saved = saveKeyPair(key, privateKeyPath); !saved)
        return saved.error();
    return key;
}

} // namespace suanli::ssh
