#pragma once

#include "protocol/result.h"

#include <QString>

namespace suanli::server {

/// `suanli-market relay-config`: the complete sshd_config of a dedicated relay sshd
/// (docs/market.md, "Relay"). Its AuthorizedKeysCommand is this binary's relay-authorize.

struct RelaySshdOptions
{
    QString program;     ///< absolute path of suanli-market
    QString db;          ///< --db, as relay-authorize will be given it
    QString listenHost;  ///< ListenAddress
    int listenPort = 0;  ///< Port
    QString hostKeyPath; ///< HostKey (absolute)
    QString pidFile;     ///< PidFile (absolute)
    QString commandUser = QStringLiteral("suanli-market"); ///< AuthorizedKeysCommandUser
    QString relay; ///< --relay PUBLIC_HOST:PORT for relay-authorize, or empty
};

/// The sshd_config text; an error for a value sshd could not take (whitespace, quotes).
Result<QString> relaySshdConfig(const RelaySshdOptions &options);

} // namespace suanli::server
