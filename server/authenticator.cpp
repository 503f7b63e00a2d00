#include "authenticator.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace suanli::server {

Result<Principal> Authenticator::authenticate(const QByteArray &authorization)
{
    if (!authorization.startsWith("Bearer "))
        return makeError(u"unauthorized"_s, u"send Authorization: Bearer <token>"_s);
    const QByteArray token = authorization.mid(7).trimmed();
    if (token.size() < 40 || !(token.startsWith("sk_") || token.startsWith("sh_")))
        return makeError(u"unauthorized"_s, u"the token is not valid"_s);
    auto principal = m_store.principalAt(
        QCryptographicHash::hash(token, QCryptographicHash::Sha256), m_clock.nowMs());
    if (!principal)
        return makeError(u"unauthorized"_s, u"the token is not valid"_s);
    // The prefix is part of the contract: an sk_ token never acts as a host and vice versa.
    const bool hostToken = token.startsWith("sh_");
    if (hostToken != (principal->kind == Principal::Kind::Host))
        return makeError(u"unauthorized"_s, u"the token is not valid"_s);
    return principal;
}

QByteArray generateToken(const char *prefix)
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
    return QByteArray(prefix) +
           bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString tokenPrefix(const QByteArray &token)
{
    return QString::fromLatin1(token.left(12));
}

} // namespace suanli::server
