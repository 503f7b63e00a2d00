#include "hostkey.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace suanli::ssh {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("suanli::ssh::HostKey", text);
}

Error invalid(const QString &message)
{
    return makeError(QStringLiteral("host_key_invalid"), message, QStringLiteral("ssh.host_key"));
}

/// The first SSH "string" of a key blob is its algorithm name.
QByteArray blobType(const QByteArray &blob)
{
    if (blob.size() < 4)
        return {};
    const auto *p = reinterpret_cast<const uchar *>(blob.constData());
    const quint32 length = quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3];
    if (length == 0 || length > 64 || qsizetype(length) > blob.size() - 4)
        return {};
    return blob.mid(4, length);
}

} // namespace

Result<HostKey> HostKey::fromOpenSshLine(const QString &line)
{
    const QStringList parts = line.trimmed().split(u' ', Qt::SkipEmptyParts);
    if (parts.size() < 2)
        return invalid(tr("The instance's host key is missing or malformed."));
    const auto decoded = QByteArray::fromBase64Encoding(parts.at(1).toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return invalid(tr("The instance's host key is not valid base64."));
    auto key = fromBlob(*decoded);
    if (key && key->type() != parts.at(0).toLatin1())
        return invalid(tr("The instance's host key names type %1 but holds a %2 key.")
                           .arg(parts.at(0), QString::fromLatin1(key->type())));
    return key;
}

Result<HostKey> HostKey::fromBlob(const QByteArray &blob)
{
    HostKey key;
    key.m_type = blobType(blob);
    if (key.m_type.isEmpty())
        return invalid(tr("The host key is malformed."));
    key.m_blob = blob;
    return key;
}

QString HostKey::fingerprint() const
{
    const QByteArray digest = QCryptographicHash::hash(m_blob, QCryptographicHash::Sha256);
    return QStringLiteral("SHA256:") +
           QString::fromLatin1(digest.toBase64(QByteArray::OmitTrailingEquals));
}

QString HostKey::toOpenSshLine() const
{
    return QString::fromLatin1(m_type) + u' ' + QString::fromLatin1(m_blob.toBase64());
}

} // namespace suanli::ssh
