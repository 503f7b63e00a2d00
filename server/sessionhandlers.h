#pragma once

#include "httpreply.h"
#include "protocol/clock.h"
#include "store.h"

#include <QHostAddress>

class QHttpServerRequest;

namespace suanli::server {

class AppEventHub;

/// Accounts people make and keys they manage (server/openapi.yaml, docs/market.md "Accounts
/// and keys"): GET /market, sign-up, sign-in, the password, and the account's named keys.
/// Sign-up and sign-in need no token; they are rate-limited per account name and per client
/// address, with the attempts in the database so that every market process counts them.
class SessionHandlers
{
public:
    /// Failed sign-ins counted over this window: kNameLimit per account name, kAddressLimit
    /// per client address; a sign-in over either limit is refused (429) before any password is
    /// hashed. Sign-ups: kSignUpLimit per client address per hour.
    static constexpr qint64 kFailureWindowMs = 15 * 60'000;
    static constexpr int kNameLimit = 5;
    static constexpr int kAddressLimit = 20;
    static constexpr qint64 kSignUpWindowMs = 60 * 60'000;
    static constexpr int kSignUpLimit = 10;

    SessionHandlers(Store &store, const Clock &clock, AppEventHub &apps);

    HttpReply marketInfo();
    HttpReply signUp(const QHttpServerRequest &request);
    HttpReply signIn(const QHttpServerRequest &request);
    HttpReply changePassword(const Principal &who, const QHttpServerRequest &request);
    HttpReply listTokens(const Principal &who);
    HttpReply createToken(const Principal &who, const QHttpServerRequest &request);
    HttpReply revokeToken(const Principal &who, qint64 tokenId);

    /// Who sent the request: the peer, or the last X-Forwarded-For address when the peer is
    /// one of the market's trusted proxies (`--trusted-proxy`).
    static QHostAddress clientAddress(const QHttpServerRequest &request,
                                      const QStringList &trustedProxies);

private:
    /// 429 when a scope is over its limit within the window, else nothing.
    std::optional<HttpReply> overLimit(const QString &scope, int limit, qint64 windowMs,
                                       const QString &what);
    /// A new account key: the token (shown once), its id.
    Result<protocol::IssuedToken> issue(qint64 accountId, const QString &label, qint64 expiresMs);

    Store &m_store;
    const Clock &m_clock;
    AppEventHub &m_apps;
};

} // namespace suanli::server
