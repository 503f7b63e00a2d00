#include "sessionhandlers.h"

#include "appeventhub.h"
#include "authenticator.h"
#include "passwords.h"

#include "protocol/json.h"
#include "protocol/version.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace suanli::server {

namespace {

constexpr qsizetype kMaxLabel = 100;
constexpr qint64 kMaxExpiresInS = 10LL * 366 * 24 * 3600;

HttpReply invalidCredentials()
{
    // The same answer whether the name or the password was wrong (or the account has none).
    return errorReply(401, u"invalid_credentials"_s, u"the name or the password is wrong"_s);
}

Result<QString> checkedLabel(const QString &label, const QString &fallback)
{
    const QString trimmed = label.trimmed();
    if (trimmed.size() > kMaxLabel)
        return makeError(u"invalid_value"_s, u"a label has at most 100 characters"_s, u"label"_s);
    return trimmed.isEmpty() ? fallback : trimmed;
}

} // namespace

SessionHandlers::SessionHandlers(Store &store, const Clock &clock, AppEventHub &apps)
    : m_store(store)
    , m_clock(clock)
    , m_apps(apps)
{}

QHostAddress SessionHandlers::clientAddress(const QHttpServerRequest &request,
                                            const QStringList &trustedProxies)
{
    QHostAddress peer = request.remoteAddress();
    // An IPv4 peer on a dual-stack socket arrives as ::ffff:a.b.c.d.
    bool mapped = false;
    const quint32 v4 = peer.toIPv4Address(&mapped);
    if (mapped)
        peer = QHostAddress(v4);
    bool trusted = false;
    for (const QString &proxy : trustedProxies)
        trusted = trusted || QHostAddress(proxy).isEqual(peer, QHostAddress::TolerantConversion);
    if (!trusted)
        return peer;
    // The proxy appends the address it saw: the last entry is the one a client cannot forge.
    const QList<QByteArray> forwarded = request.value("x-forwarded-for").split(',');
    const QHostAddress last(QString::fromLatin1(forwarded.last().trimmed()));
    return last.isNull() ? peer : last;
}

std::optional<HttpReply> SessionHandlers::overLimit(const QString &scope, int limit,
                                                    qint64 windowMs, const QString &what)
{
    const qint64 now = m_clock.nowMs();
    auto counted = m_store.attempts(scope, now - windowMs);
    if (!counted)
        return fromError(counted.error());
    if (counted->first < limit)
        return std::nullopt;
    const qint64 waitS = std::max<qint64>(1, (counted->second + windowMs - now + 999) / 1000);
    return errorReply(429, u"too_many_attempts"_s,
                      u"too many %1; try again in %2 minutes"_s.arg(what).arg((waitS + 59) / 60));
}

Result<protocol::IssuedToken> SessionHandlers::issue(qint64 accountId, const QString &label,
                                                     qint64 expiresMs)
{
    const QByteArray token = generateToken("sk_");
    auto id =
        m_store.addAccountToken(QCryptographicHash::hash(token, QCryptographicHash::Sha256),
                                accountId, label, tokenPrefix(token), expiresMs, m_clock.nowMs());
    if (!id)
        return id.error();
    return protocol::IssuedToken{*id, QString::fromLatin1(token)};
}

HttpReply SessionHandlers::marketInfo()
{
    const MarketPolicy &policy = m_store.policy();
    protocol::MarketInfo info;
    info.currency = policy.currency;
    info.platform_fee = double(policy.platformFeePpm) / 1e6;
    info.retention_days = policy.retentionDays;
    info.signup = policy.signup;
    info.payout_hold_days = policy.payoutHoldDays;
    info.version = QString::fromLatin1(protocol::kVersion);
    return jsonReply(200, protocol::toJson(info));
}

HttpReply SessionHandlers::signUp(const QHttpServerRequest &request)
{
    const QString mode = m_store.policy().signup;
    if (mode == "closed"_L1)
        return errorReply(403, u"signup_closed"_s,
                          u"this market makes accounts only through its operator"_s);
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto asked = protocol::signUpRequestFromJson(*body);
    if (!asked)
        return fromError(asked.error());
    static const QRegularExpression namePattern(uR"(^[\p{L}\p{N}][\p{L}\p{N}._-]{1,63}$)"_s);
    if (!namePattern.match(asked->name).hasMatch())
        return fromError(makeError(u"invalid_name"_s,
                                   u"a name has 2 to 64 letters, digits, '.', '_' or '-', and "
                                   "starts with a letter or digit"_s,
                                   u"name"_s));
    QStringList roles = asked->roles;
    if (roles.isEmpty())
        roles = {u"renter"_s};
    for (const QString &role : roles) {
        if (role != "renter"_L1 && role != "lender"_L1)
            return fromError(
                makeError(u"invalid_value"_s, u"roles are 'renter' and 'lender'"_s, u"roles"_s));
    }
    roles.removeDuplicates();
    if (mode == "invite"_L1 && asked->invite.trimmed().isEmpty())
        return errorReply(403, u"invite_required"_s,
                          u"this market makes accounts with an invite code from its operator"_s);
    if (auto weak = passwords::checkStrength(asked->password); !weak)
        return fromError(weak.error());

    const QString address = clientAddress(request, m_store.policy().trustedProxies).toString();
    const QString scope = u"signup:"_s + address;
    if (auto refused = overLimit(scope, kSignUpLimit, kSignUpWindowMs, u"sign-ups"_s))
        return *refused;
    const qint64 now = m_clock.nowMs();
    (void)m_store.addAttempts({scope}, now, now - kSignUpWindowMs);

    const QString invite = mode == "invite"_L1 ? asked->invite.trimmed() : QString();
    HttpReply deferred;
    deferred.slowWork = [password = asked->password]() -> QVariant {
        auto hash = passwords::hash(password);
        return hash ? QVariant(*hash) : QVariant();
    };
    deferred.finish = [this, name = asked->name, roles, invite](const QVariant &hash) {
        if (hash.isNull())
            return fromError(makeError(u"internal"_s, u"OpenSSL's scrypt failed"_s));
        auto id = m_store.signUp(name, roles, hash.toString(), invite, m_clock.nowMs());
        if (!id)
            return fromError(id.error());
        auto issued = issue(*id, u"sign-up"_s, 0);
        if (!issued)
            return fromError(issued.error());
        // The resource made is the account: its id, with its first key (whose id GET
        // /api/v1/tokens lists by prefix).
        return jsonReply(201, protocol::toJson(protocol::IssuedToken{*id, issued->token}));
    };
    return deferred;
}

HttpReply SessionHandlers::signIn(const QHttpServerRequest &request)
{
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto asked = protocol::signInRequestFromJson(*body);
    if (!asked)
        return fromError(asked.error());
    auto label = checkedLabel(asked->label, u"sign-in"_s);
    if (!label)
        return fromError(label.error());

    const QString nameScope = u"name:"_s + asked->name;
    const QString addressScope =
        u"addr:"_s + clientAddress(request, m_store.policy().trustedProxies).toString();
    if (auto refused = overLimit(nameScope, kNameLimit, kFailureWindowMs, u"failed sign-ins"_s))
        return *refused;
    if (auto refused =
            overLimit(addressScope, kAddressLimit, kFailureWindowMs, u"failed sign-ins"_s))
        return *refused;

    auto account = m_store.passwordByName(asked->name);
    if (!account && account.error().code != "not_found"_L1)
        return fromError(account.error());
    // An unknown name costs the same scrypt as a wrong password: no timing tells them apart.
    const bool hasPassword = account && !account->second.isEmpty();
    const qint64 accountId = hasPassword ? account->first : 0;
    HttpReply deferred;
    // An unknown name costs the same scrypt as a wrong password: no timing tells them apart.
    deferred.slowWork = [password = asked->password,
                         stored = hasPassword ? account->second : passwords::decoyHash()] {
        return QVariant(passwords::verify(password, stored));
    };
    deferred.finish = [this, accountId, nameScope, addressScope,
                       label = *label](const QVariant &match) {
        const qint64 now = m_clock.nowMs();
        if (!accountId || !match.toBool()) {
            (void)m_store.addAttempts({nameScope, addressScope}, now, now - kSignUpWindowMs);
            return invalidCredentials();
        }
        (void)m_store.clearAttempts(nameScope);
        auto issued = issue(accountId, label, 0);
        if (!issued)
            return fromError(issued.error());
        return jsonReply(201, protocol::toJson(*issued));
    };
    return deferred;
}

HttpReply SessionHandlers::changePassword(const Principal &who, const QHttpServerRequest &request)
{
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto asked = protocol::passwordChangeRequestFromJson(*body);
    if (!asked)
        return fromError(asked.error());
    auto account = m_store.account(who.accountId);
    if (!account)
        return fromError(account.error());
    const QString nameScope = u"name:"_s + account->name;
    if (auto refused = overLimit(nameScope, kNameLimit, kFailureWindowMs, u"failed sign-ins"_s))
        return *refused;
    auto stored = m_store.passwordHash(who.accountId);
    if (!stored)
        return fromError(stored.error());
    if (auto weak = passwords::checkStrength(asked->new_password); !weak) {
        Error error = weak.error();
        error.field = u"new_password"_s;
        return fromError(error);
    }
    HttpReply deferred;
    // An account made by the operator has no password yet: its first one needs no old one.
    // The result: the new hash, "" when the old password is wrong, null when scrypt failed.
    deferred.slowWork = [oldPassword = asked->old_password, newPassword = asked->new_password,
                         stored = *stored]() -> QVariant {
        if (!stored.isEmpty() && !passwords::verify(oldPassword, stored))
            return QString(u""_s);
        auto hash = passwords::hash(newPassword);
        return hash ? QVariant(*hash) : QVariant();
    };
    deferred.finish = [this, who, nameScope](const QVariant &hash) {
        const qint64 now = m_clock.nowMs();
        if (hash.isNull())
            return fromError(makeError(u"internal"_s, u"OpenSSL's scrypt failed"_s));
        if (hash.toString().isEmpty()) {
            (void)m_store.addAttempts({nameScope}, now, now - kSignUpWindowMs);
            return invalidCredentials();
        }
        auto revoked = m_store.setPassword(who.accountId, hash.toString(), who.tokenId, now);
        if (!revoked)
            return fromError(revoked.error());
        m_apps.closeTokens(*revoked); // other processes close theirs within a second
        return jsonReply(200, {{u"revoked"_s, qint64(revoked->size())}});
    };
    return deferred;
}

HttpReply SessionHandlers::listTokens(const Principal &who)
{
    auto rows = m_store.accountTokens(who.accountId, m_clock.nowMs());
    if (!rows)
        return fromError(rows.error());
    auto time = [](qint64 ms) {
        return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
    };
    QJsonArray tokens;
    for (const Store::TokenRow &row : *rows)
        tokens.append(
            protocol::toJson(protocol::ApiToken{row.id, row.label, row.prefix, time(row.createdMs),
                                                time(row.lastUsedMs), time(row.expiresMs)}));
    return jsonReply(200, {{u"tokens"_s, tokens}});
}

HttpReply SessionHandlers::createToken(const Principal &who, const QHttpServerRequest &request)
{
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto asked = protocol::tokenCreateRequestFromJson(*body);
    if (!asked)
        return fromError(asked.error());
    auto label = checkedLabel(asked->label, QString());
    if (!label)
        return fromError(label.error());
    if (label->isEmpty())
        return fromError(makeError(u"invalid_value"_s, u"a key needs a label"_s, u"label"_s));
    qint64 expiresMs = 0;
    if (asked->expires_in_s) {
        if (*asked->expires_in_s < 60 || *asked->expires_in_s > kMaxExpiresInS)
            return fromError(makeError(u"invalid_value"_s,
                                       u"expires_in_s is 60 seconds to 10 years"_s,
                                       u"expires_in_s"_s));
        expiresMs = m_clock.nowMs() + *asked->expires_in_s * 1000;
    }
    auto issued = issue(who.accountId, *label, expiresMs);
    if (!issued)
        return fromError(issued.error());
    return jsonReply(201, protocol::toJson(*issued));
}

HttpReply SessionHandlers::revokeToken(const Principal &who, qint64 tokenId)
{
    if (tokenId <= 0)
        return errorReply(404, u"not_found"_s, u"no such key"_s);
    auto revoked = m_store.revokeToken(who.accountId, tokenId, m_clock.nowMs());
    if (!revoked)
        return fromError(revoked.error());
    m_apps.closeTokens({tokenId});
    return {204, {}, "application/json"};
}

} // namespace suanli::server
