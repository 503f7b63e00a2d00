#include "sshkey.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace suanli::ssh {

namespace {

const QByteArray kMagic = QByteArrayLiteral("openssh-key-v1\0");
const QByteArray kBegin = QByteArrayLiteral("-----BEGIN OPENSSH PRIVATE KEY-----");
const QByteArray kEnd = QByteArrayLiteral("-----END OPENSSH PRIVATE KEY-----");
const QByteArray kEd25519 = QByteArrayLiteral("ssh-ed25519");

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::ssh::SshKey", text);
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

} // namespace

Result<KeyPair> generateEd25519Key(const QString &comment)
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

    quint32 check = 0;
    RAND_bytes(reinterpret_cast<uchar *>(&check), sizeof check);

    // The private section of PROTOCOL.key in OpenSSH: two equal check words, then the key
    // (public part, then 64 bytes seed‖public as OpenSSH stores ed25519), the comment, and
    // padding 1, 2, 3… to the cipher block size (8 for "none").
    QByteArray secret;
    appendUint32(secret, check);
    appendUint32(secret, check);
    appendString(secret, kEd25519);
    appendString(secret, pub);
    appendString(secret, seed + pub);
    appendString(secret, comment.toUtf8());
    for (char pad = 1; secret.size() % 8 != 0; ++pad)
        secret.append(pad);
    OPENSSL_cleanse(seed.data(), size_t(seed.size()));

    QByteArray body = kMagic;
    appendString(body, QByteArrayLiteral("none")); // cipher
    appendString(body, QByteArrayLiteral("none")); // kdf
    appendString(body, {});                        // kdf options
    appendUint32(body, 1);                         // number of keys
    appendString(body, publicBlob(pub));
    appendString(body, secret);
    OPENSSL_cleanse(secret.data(), size_t(secret.size()));

    QByteArray armored = kBegin + '\n';
    const QByteArray base64 = body.toBase64();
    for (qsizetype i = 0; i < base64.size(); i += 70)
        armored += base64.mid(i, 70) + '\n';
    armored += kEnd + '\n';
    OPENSSL_cleanse(body.data(), size_t(body.size()));

    return KeyPair{armored, publicLine(publicBlob(pub), comment)};
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

Result<KeyPair> loadKeyPair(const QString &privateKeyPath)
{
    QFile file(privateKeyPath);
    if (!file.open(QIODevice::ReadOnly))
        return keyError(
            tr("Could not read the SSH key %1: %2").arg(privateKeyPath, file.errorString()));
    const QByteArray armored = file.readAll();
    const qsizetype begin = armored.indexOf(kBegin);
    const qsizetype end = armored.indexOf(kEnd);
    if (begin < 0 || end < begin)
        return keyError(tr("%1 is not an OpenSSH private key.").arg(privateKeyPath));
    QByteArray base64 = armored.mid(begin + kBegin.size(), end - begin - kBegin.size());
    base64 = base64.simplified().replace(' ', QByteArray());
    const QByteArray body = QByteArray::fromBase64(base64);
    if (!body.startsWith(kMagic))
        return keyError(tr("%1 is not an OpenSSH private key.").arg(privateKeyPath));

    WireReader reader(QByteArrayView(body).sliced(kMagic.size()));
    const QByteArray cipher = reader.string();
    reader.string(); // kdf
    reader.string(); // kdf options
    const quint32 count = reader.uint32();
    const QByteArray blob = reader.string();
    const QByteArray secret = reader.string();
    WireReader blobReader(blob);
    if (!reader.ok() || count != 1 || blobReader.string() != kEd25519)
        return keyError(tr("%1 is not an ed25519 key.").arg(privateKeyPath));

    QString comment;
    if (cipher == "none") {
        WireReader secretReader(secret);
        const quint32 check1 = secretReader.uint32();
        const quint32 check2 = secretReader.uint32();
        secretReader.string(); // key type
        secretReader.string(); // public
        secretReader.string(); // private
        comment = QString::fromUtf8(secretReader.string());
        if (!secretReader.ok() || check1 != check2)
            return keyError(tr("%1 is damaged.").arg(privateKeyPath));
    }
    return KeyPair{armored, publicLine(blob, comment)};
}

Result<KeyPair> loadOrCreateKeyPair(const QString &privateKeyPath, const QString &comment)
{
    if (QFileInfo::exists(privateKeyPath))
        return loadKeyPair(privateKeyPath);
    auto key = generateEd25519Key(comment);
    if (!key)
        return key;
    if (auto saved = saveKeyPair(*key, privateKeyPath); !saved)
        return saved.error();
    return key;
}

} // namespace suanli::ssh
