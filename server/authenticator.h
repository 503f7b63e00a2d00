#pragma once

#include "protocol/clock.h"
#include "store.h"

namespace suanli::server {

/// Bearer tokens: who an `Authorization` header speaks for. The same check guards REST
/// requests and the two WebSockets.
class Authenticator
{
public:
    Authenticator(Store &store, const Clock &clock)
        : m_store(store)
        , m_clock(clock)
    {}

    /// Error "unauthorized" unless it is "Bearer <token>" of a known token of the right kind:
    /// an sk_ token always acts as its account, an sh_ token always as its host. A revoked or
    /// expired key is as unknown as one never issued.
    Result<Principal> authenticate(const QByteArray &authorization);

private:
    Store &m_store;
    const Clock &m_clock;
};

/// A random token: prefix ("sk_" account, "sh_" host) + 32 random bytes in base64url. The
/// store keeps only its SHA-256.
QByteArray generateToken(const char *prefix);

/// What lists show of a token: its first 12 characters ("sk_" and 9 of its random ones, about
/// 54 bits: enough to tell keys apart, far too few to guess the rest).
QString tokenPrefix(const QByteArray &token);

} // namespace suanli::server
