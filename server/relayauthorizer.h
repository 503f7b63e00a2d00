#pragma once

#include "protocol/result.h"

#include <QString>

namespace suanli::server {

class Database;

/// The answer of `suanli-market relay-authorize USER TYPE KEY`, the relay sshd's
/// AuthorizedKeysCommand (docs/market.md, "relay-authorize"): at most one authorized_keys line,
/// `restrict,port-forwarding` with only the relay ports that key may use now —
/// `permitlisten` for user suanli-host (the host whose relay key it is), `permitopen` for user
/// suanli (the renter's key of live instances with a relay port). No port, an unknown key or
/// any other user: an empty answer, so sshd refuses the key (a line without permitlisten or
/// permitopen would allow every port). Only reads.
class RelayAuthorizer
{
public:
    /// relay: "PUBLIC_HOST:PORT" to answer for one relay only; empty for every relay.
    static Result<QString> answer(Database &db, const QString &user, const QString &type,
                                  const QString &key, const QString &relay = {});
};

} // namespace suanli::server
