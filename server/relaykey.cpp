#include "relaykey.h"

#include <QByteArray>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace suanli::server {

std::optional<QString> ed25519KeyLine(const QString &line)
{
    const QStringList parts = line.trimmed().split(u' ', Qt::SkipEmptyParts);
    if (parts.size() < 2 || parts[0] != "ssh-ed25519"_L1)
        return std::nullopt;
    const QByteArray base64 = parts[1].toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    // uint32 11, "ssh-ed25519", uint32 32, 32 bytes of key.
    static const QByteArray prefix("\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20", 19);
    const QByteArray &blob = *decoded;
    if (blob.size() != 51 || !blob.startsWith(prefix))
        return std::nullopt;
    // Canonical base64, so one key has one spelling.
    if (blob.toBase64() != base64)
        return std::nullopt;
    return u"ssh-ed25519 "_s + parts[1];
}

} // namespace suanli::server
