#pragma once

#include "store.h"

namespace suanli::server {

/// Bearer tokens: who an `Authorization` header speaks for. The same check guards REST
/// requests and the two WebSockets.
class Authenticator
{
public:
    explicit Authenticator(Store &store)
        : m_store(store)
    {}

    /// Error "unauthorized" unless it is "Bearer <token>" of a known token of the right kind:
    /// an sk_ token always acts as its account, an sh_ token always as its host.
    Result<Principal> authenticate(const QByteArray &authorization);

private:
    Store &m_store;
};

/// A random token: prefix ("sk_" account, "sh_" host) + 32 random bytes in base64url. The
/// store keeps only its SHA-256.
QByteArray generateToken(const char *prefix);

} // namespace suanli::server
